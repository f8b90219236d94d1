"""Paid events: the event is linked to a core bookable variant (an EVENT product's
session) that checkout sells; the core counts the seats on that variant, so a paid event is
sold out when its variant is. When the order is paid (``ruta_order_paid``) every bought seat
becomes a CONFIRMED registration of the buyer, with its signed ticket, and its ticket
e-mail is sent. Redeliveries find the registrations of the order line and add none. A
cancelled order (or a fully refunded vendor order) cancels the tickets it paid for."""

from __future__ import annotations

from sqlalchemy import func, select, update

from engine.plugins.api import (
    Info,
    NotFound,
    OrderFacts,
    PermissionDenied,
    Runtime,
    ValidationError,
    VariantFacts,
    can_manage_vendor,
    order_facts,
    variant_facts,
    variants_facts,
)
from plugins.programme import ticket_mail
from plugins.programme.event_models import Event, Registration
from plugins.programme.registrations import CANCELLED, CONFIRMED, WAITLISTED, rows_changed


async def sold_variant(info: Info, variant_id: int) -> VariantFacts:
    """The bookable variant that will sell the event's seats; only its vendor's staff (or
    an operator) may link it."""
    async with info.context.runtime.db.read() as session:
        facts = await variant_facts(session, variant_id)
    if facts is None:
        raise NotFound("variantId", "No such variant.")
    if facts.starts_at is None or not facts.capacity:
        raise ValidationError("variantId", "INVALID",
                              "Only a bookable variant (with a date and seats) sells seats.")
    if not await can_manage_vendor(info, facts.vendor_id):
        raise PermissionDenied("Only the variant's vendor or an operator may link it.")
    return facts


async def seat_facts(runtime: Runtime, event: Event) -> VariantFacts | None:
    """The core variant selling a paid event's seats (None for a free event)."""
    if event.variant_id is None:
        return None
    async with runtime.db.read() as session:
        return await variant_facts(session, event.variant_id)


async def seats_facts(runtime: Runtime, events: list[Event]) -> dict[int, VariantFacts]:
    """:func:`seat_facts` of many events in one statement, by event id (free ones left out)."""
    wanted = {e.id: e.variant_id for e in events if e.variant_id is not None}
    if not wanted:
        return {}
    async with runtime.db.read() as session:
        found = await variants_facts(session, list(wanted.values()))
    return {event_id: found[v] for event_id, v in wanted.items() if v in found}


def buyer_name(order: OrderFacts) -> str:
    """The billing name of the order, else its e-mail."""
    address = order.billing_address or order.shipping_address or {}
    name = " ".join(str(address.get(k) or "").strip() for k in ("firstName", "lastName"))
    return name.strip()[:160] or order.email


async def order_paid(runtime: Runtime, order_id: int) -> int:
    """Register the buyer of a paid order once per bought seat; returns how many added."""
    async with runtime.db.read() as session:
        order = await order_facts(session, order_id)
    if order is None:
        return 0
    added = 0
    for _, line in order.lines():
        if line.variant_id is None:
            continue
        async with runtime.db.write() as session:
            event = await session.scalar(
                select(Event).where(Event.variant_id == line.variant_id).with_for_update())
            if event is None:
                continue
            done = await session.scalar(select(func.count()).select_from(Registration)
                                        .where(Registration.order_line_id == line.id))
            for _ in range(line.quantity - int(done or 0)):
                seat = await session.execute(
                    update(Event).where(Event.id == event.id, Event.confirmed < Event.capacity)
                    .values(confirmed=Event.confirmed + 1))
                session.add(Registration(
                    event_id=event.id, user_id=order.buyer_user_id, name=buyer_name(order),
                    email=order.email, answers={}, order_line_id=line.id,
                    status=CONFIRMED if rows_changed(seat) == 1 else WAITLISTED))
                added += 1
    await send_tickets(runtime, [line.id for _, line in order.lines()])
    return added


async def send_tickets(runtime: Runtime, line_ids: list[int]) -> None:
    """The ticket e-mail of every confirmed seat the lines paid for: also on a redelivery,
    so a ticket the first delivery could not send goes out (never twice: the dedupe key)."""
    async with runtime.db.read() as session:
        found = list(await session.scalars(
            select(Registration.id).where(Registration.order_line_id.in_(line_ids),
                                          Registration.status == CONFIRMED)
            .order_by(Registration.id)))
    for registration_id in found:
        await ticket_mail.send_ticket(runtime, registration_id)


async def order_cancelled(runtime: Runtime, order_id: int,
                          vendor_order_id: int | None = None) -> int:
    """The tickets an order (or one vendor's part of it, fully refunded) paid for are
    cancelled: their secrets stop passing the door. The core already gave the seats back
    to the variant; the event's own counter follows. Returns how many were cancelled."""
    async with runtime.db.read() as session:
        order = await order_facts(session, order_id)
    lines = [line.id for vo, line in (order.lines() if order else [])
             if vendor_order_id is None or vo.id == vendor_order_id]
    if not lines:
        return 0
    async with runtime.db.write() as session:
        found = list(await session.scalars(
            select(Registration).where(Registration.order_line_id.in_(lines),
                                       Registration.status != CANCELLED)))
        for registration in found:
            if registration.status == CONFIRMED:
                await session.execute(
                    update(Event).where(Event.id == registration.event_id, Event.confirmed > 0)
                    .values(confirmed=Event.confirmed - 1))
            registration.status = CANCELLED
        return len(found)
