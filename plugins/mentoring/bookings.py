"""Free bookings, waitlists, cancellation and rescheduling (service layer).

Seats are taken with a conditional ``UPDATE ... WHERE seats_taken < seats`` checked by its
row count (PostgreSQL re-checks the condition after the row lock; SQLite write
transactions are serialised by ``BEGIN IMMEDIATE``); an individual session is created on
booking and ``(expert_id, starts_at)`` is unique, so two bookings never share an expert's hour.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import NoReturn

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import (
    NotFound,
    PermissionDenied,
    Runtime,
    ValidationError,
    quantize,
    record_event,
)
from plugins.mentoring.access import Viewer, get_expert, manages, signed_in
from plugins.mentoring.availability import busy_intervals, plan_of
from plugins.mentoring.enums import BookingStatus, SessionStatus
from plugins.mentoring.models import Booking, Offering, Session
from plugins.mentoring.offerings import get_offering
from plugins.mentoring.paid_seats import offer_freed_seat, paid_session_full
from plugins.mentoring.policy import CancellationPolicy, in_free_window
from plugins.mentoring.slots import fits
from plugins.mentoring.vouchers import redeem, usable_voucher

ACTIVE = (BookingStatus.CONFIRMED, BookingStatus.WAITLISTED, BookingStatus.OFFERED)


async def take_seat(session: AsyncSession, session_id: int) -> bool:
    result = await session.execute(
        update(Session).where(Session.id == session_id, Session.seats_taken < Session.seats,
                              Session.status == SessionStatus.SCHEDULED)
        .values(seats_taken=Session.seats_taken + 1))
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def _refuse(in_plan: bool) -> NoReturn:
    """A slot inside the plan that is not free was taken by someone else."""
    if in_plan:
        raise ValidationError("startsAt", "SLOT_TAKEN", "This slot was just taken.")
    raise ValidationError("startsAt", "SLOT_UNAVAILABLE", "The expert is not available then.")


async def _session_for(session: AsyncSession, offering: Offering, starts_at: datetime,
                       now: datetime) -> Session:
    """The offering's session at ``starts_at``; an individual one is created when free."""
    found = await session.scalar(select(Session).where(
        Session.offering_id == offering.id, Session.starts_at == starts_at,
        Session.status == SessionStatus.SCHEDULED))
    if found is not None:
        return found
    if offering.is_group:
        raise NotFound("startsAt", "No group session of this offering starts then.")
    expert = await get_expert(session, offering.expert_id)
    slot = (starts_at, starts_at + timedelta(minutes=offering.duration_minutes))
    busy = await busy_intervals(session, expert.id, slot[0], slot[1])
    if not fits(plan_of(expert), slot, busy, now):
        _refuse(fits(plan_of(expert), slot, [], now))
    created = Session(offering_id=offering.id, expert_id=expert.id, starts_at=slot[0],
                      ends_at=slot[1], seats=1, seats_taken=0, status=SessionStatus.SCHEDULED)
    session.add(created)
    await session.flush()
    return created


async def book(runtime: Runtime, viewer: Viewer | None, offering_id: int, starts_at: datetime,
               voucher_id: int | None, now: datetime) -> Booking:
    viewer = signed_in(viewer)
    if starts_at.tzinfo is None:
        raise ValidationError("startsAt", "INVALID", "Include a time zone offset.")
    try:
        async with runtime.transaction() as session:
            offering = await get_offering(session, offering_id)
            price = offering.price
            voucher = None
            if voucher_id is not None:
                voucher = await usable_voucher(session, viewer, voucher_id, offering)
                price = quantize(price * (100 - voucher.discount_percent) / 100)
            if starts_at <= now:
                raise ValidationError("startsAt", "INVALID", "This session has started.")
            if price > 0:  # a full paid group session still takes a waitlist place
                target = await paid_session_full(session, offering, starts_at)
            else:
                target = await _session_for(session, offering, starts_at, now)
            if await session.scalar(select(Booking.id).where(
                    Booking.session_id == target.id, Booking.user_id == viewer.user_id)):
                raise ValidationError("startsAt", "ALREADY_BOOKED", "You are already booked.")
            if price == 0 and await take_seat(session, target.id):
                status = BookingStatus.CONFIRMED
            elif offering.is_group:
                status = BookingStatus.WAITLISTED
            else:
                raise ValidationError("startsAt", "SLOT_TAKEN", "This slot was just taken.")
            booking = Booking(session_id=target.id, user_id=viewer.user_id, status=status,
                              language=viewer.language,
                              price=price, fee_charged=Decimal("0.00"),
                              refund_amount=Decimal("0.00"), sequence=0)
            session.add(booking)
            await session.flush()
            if voucher is not None:
                await redeem(session, voucher.id, booking.id)
                booking.voucher_id = voucher.id
    except IntegrityError:
        raise ValidationError("startsAt", "SLOT_TAKEN", "This slot was just taken.") from None
    return booking


async def promote_waitlist(runtime: Runtime, session: AsyncSession, row: Session) -> None:
    """Give freed seats to the waitlist, first come first served (a paid session offers
    the freed seat to the first in line, who buys it through checkout); each attendee
    promoted to a free seat is told: ``ruta_booking_promoted``."""
    if row.variant_id is not None:
        await offer_freed_seat(session, row.id)
        return
    session_id = row.id
    waiting = await session.scalars(select(Booking).where(
        Booking.session_id == session_id, Booking.status == BookingStatus.WAITLISTED)
        .order_by(Booking.id))
    for booking in waiting:
        if not await take_seat(session, session_id):
            return
        booking.status = BookingStatus.CONFIRMED
        booking.sequence += 1
        await record_event(session, runtime.plugins, "ruta_booking_promoted",
                           booking_id=booking.id, user_id=booking.user_id,
                           session_id=session_id)


async def load_booking(session: AsyncSession, booking_id: int) -> tuple[Booking, Session, Offering]:
    booking = await session.get(Booking, booking_id, with_for_update=True)
    if booking is None:
        raise NotFound("id", "No such booking.")
    row = await session.get(Session, booking.session_id)
    assert row is not None
    return booking, row, await get_offering(session, row.offering_id)


def policy_of(offering: Offering) -> CancellationPolicy:
    return CancellationPolicy(offering.free_cancel_hours, offering.cancel_fee_percent)


async def reschedule(runtime: Runtime, viewer: Viewer | None, booking_id: int,
                     starts_at: datetime, now: datetime) -> Booking:
    """Move an individual session to another free slot (attendees only inside the free
    cancellation window; the expert any time)."""
    viewer = signed_in(viewer)
    if starts_at.tzinfo is None:
        raise ValidationError("startsAt", "INVALID", "Include a time zone offset.")
    try:
        async with runtime.transaction() as session:
            booking, row, offering = await load_booking(session, booking_id)
            expert = await get_expert(session, row.expert_id)
            is_attendee = booking.user_id == viewer.user_id
            if not is_attendee and not manages(viewer, expert):
                raise PermissionDenied("Only the attendee or the expert reschedules.")
            if offering.is_group or booking.status != BookingStatus.CONFIRMED:
                raise ValidationError("id", "NOT_RESCHEDULABLE",
                                      "Only confirmed individual sessions move.")
            if row.variant_id is not None:
                raise ValidationError("id", "NOT_RESCHEDULABLE",
                                      "Paid sessions move through the core order.")
            if is_attendee and not in_free_window(policy_of(offering), row.starts_at, now):
                raise ValidationError("id", "TOO_LATE", "The free change window has passed.")
            slot = (starts_at, starts_at + timedelta(minutes=offering.duration_minutes))
            busy = await busy_intervals(session, expert.id, slot[0], slot[1], row.id)
            if not fits(plan_of(expert), slot, busy, now):
                _refuse(fits(plan_of(expert), slot, [], now))
            row.starts_at, row.ends_at = slot
            booking.sequence += 1
            await session.flush()
    except IntegrityError:
        raise ValidationError("startsAt", "SLOT_TAKEN", "This slot was just taken.") from None
    return booking
