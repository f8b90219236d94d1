"""Offerings (what an expert sells or gives) and their dated sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import (
    Collector,
    NotFound,
    Runtime,
    ValidationError,
    clean_text,
    variant_facts,
)
from plugins.mentoring.access import Viewer, managed_expert
from plugins.mentoring.availability import busy_intervals
from plugins.mentoring.enums import SessionStatus
from plugins.mentoring.models import Offering, Session
from plugins.mentoring.slots import overlaps

MAX_PRICE = Decimal("100000")


@dataclass
class OfferingData:
    title: str
    duration_minutes: int
    price: Decimal
    is_group: bool = False
    seats: int = 1
    is_online: bool = True
    address: str | None = None
    free_cancel_hours: int = 24
    cancel_fee_percent: int = 0


def _check(data: OfferingData) -> None:
    errors = Collector()
    data.title = clean_text(data.title, field="title", max_length=160, min_length=3,
                            errors=errors) or ""
    if data.address is not None:
        data.address = clean_text(data.address, field="address", max_length=300,
                                  required=False, errors=errors)
    if not 15 <= data.duration_minutes <= 480:
        errors.add("durationMinutes", "INVALID", "Between 15 and 480 minutes.")
    if not data.price.is_finite() or data.price < 0 or data.price > MAX_PRICE \
            or data.price != data.price.quantize(Decimal("0.01")):
        errors.add("price", "INVALID", "A price in EUR with cents, zero for free sessions.")
    if not 1 <= data.seats <= 500 or (not data.is_group and data.seats != 1):
        errors.add("seats", "INVALID", "Individual sessions have 1 seat; groups 1 to 500.")
    if not data.is_online and not (data.address or "").strip():
        errors.add("address", "REQUIRED", "In-person sessions need an address.")
    if not 0 <= data.free_cancel_hours <= 24 * 30:
        errors.add("freeCancelHours", "INVALID", "Between 0 and 720 hours.")
    if not 0 <= data.cancel_fee_percent <= 100:
        errors.add("cancelFeePercent", "INVALID", "Between 0 and 100.")
    errors.raise_if_any()


async def create_offering(runtime: Runtime, viewer: Viewer | None, expert_id: int,
                          data: OfferingData) -> Offering:
    _check(data)
    async with runtime.transaction() as session:
        await managed_expert(session, viewer, expert_id)
        offering = Offering(expert_id=expert_id, title=data.title.strip(),
                            is_group=data.is_group, seats=data.seats,
                            duration_minutes=data.duration_minutes, price=data.price,
                            is_online=data.is_online,
                            address=None if data.is_online else data.address,
                            free_cancel_hours=data.free_cancel_hours,
                            cancel_fee_percent=data.cancel_fee_percent)
        session.add(offering)
        await session.flush()
    return offering


async def get_offering(session: AsyncSession, offering_id: int) -> Offering:
    found = await session.get(Offering, offering_id)
    if found is None:
        raise NotFound("offeringId", "No such offering.")
    return found


async def schedule_session(runtime: Runtime, viewer: Viewer | None, offering_id: int,
                           starts_at: datetime, now: datetime) -> Session:
    """The expert puts a dated session (typically a group one) on their calendar."""
    check_start(starts_at, now)
    try:
        async with runtime.transaction() as session:
            offering = await get_offering(session, offering_id)
            await managed_expert(session, viewer, offering.expert_id)
            row = await place_session(session, offering, starts_at)
    except IntegrityError:
        raise ValidationError("startsAt", "SLOT_TAKEN", "The expert is busy then.") from None
    return row


def check_start(starts_at: datetime, now: datetime) -> None:
    if starts_at.tzinfo is None:
        raise ValidationError("startsAt", "INVALID", "Include a time zone offset.")
    if starts_at <= now:
        raise ValidationError("startsAt", "INVALID", "Sessions are scheduled in the future.")


async def place_session(session: AsyncSession, offering: Offering,
                        starts_at: datetime) -> Session:
    """Add a dated session when the expert is free then (in the caller's transaction)."""
    ends_at = starts_at + timedelta(minutes=offering.duration_minutes)
    busy = await busy_intervals(session, offering.expert_id, starts_at, ends_at)
    if any(overlaps((starts_at, ends_at), b) for b in busy):
        raise ValidationError("startsAt", "SLOT_TAKEN", "The expert is busy then.")
    row = Session(offering_id=offering.id, expert_id=offering.expert_id,
                  starts_at=starts_at, ends_at=ends_at, seats=offering.seats,
                  seats_taken=0, status=SessionStatus.SCHEDULED)
    session.add(row)
    await session.flush()
    return row


async def link_slot(runtime: Runtime, viewer: Viewer | None, session_id: int,
                    variant_id: int) -> Session:
    """Link a core bookable variant (the paid product slot) to a session.

    The variant must belong to the expert's firm and match the session's start, end and
    seats, so that the core's checkout does the seat accounting for paid bookings.
    """
    async with runtime.transaction() as session:
        facts = await variant_facts(session, variant_id)
        row = await session.get(Session, session_id)
        if row is None:
            raise NotFound("sessionId", "No such session.")
        expert = await managed_expert(session, viewer, row.expert_id)
        if facts is None or expert.vendor_id is None or facts.vendor_id != expert.vendor_id:
            raise ValidationError("variantId", "NOT_FOUND",
                                  "A bookable variant of the expert's firm is needed.")
        if (facts.starts_at, facts.ends_at, facts.capacity) != (row.starts_at, row.ends_at,
                                                                row.seats):
            raise ValidationError("variantId", "SLOT_MISMATCH",
                                  "The variant's start, end and capacity must match.")
        row.variant_id = variant_id
    return row
