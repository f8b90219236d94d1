"""The waitlist of paid group sessions: the core variant counts the bought seats, so a
session is full when its variant is; a freed seat is offered to the first in line, who buys
it through checkout (``ruta_order_paid`` then confirms their place)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import NotFound, ValidationError, variant_facts
from plugins.mentoring.enums import BookingStatus, SessionStatus
from plugins.mentoring.models import Booking, Offering, Session


def _pay_first() -> ValidationError:
    return ValidationError("offeringId", "PAYMENT_REQUIRED",
                           "Paid sessions are booked through checkout.")


async def paid_session_full(session: AsyncSession, offering: Offering,
                            starts_at: datetime) -> Session:
    """The paid group session at ``starts_at`` when it is sold out (else pay first)."""
    if not offering.is_group:
        raise _pay_first()
    row = await session.scalar(select(Session).where(
        Session.offering_id == offering.id, Session.starts_at == starts_at,
        Session.status == SessionStatus.SCHEDULED))
    if row is None:
        raise NotFound("startsAt", "No group session of this offering starts then.")
    facts = await variant_facts(session, row.variant_id) if row.variant_id else None
    if facts is None or facts.capacity is None or facts.seats_taken < facts.capacity:
        raise _pay_first()
    return row


async def offer_freed_seat(session: AsyncSession, session_id: int) -> Booking | None:
    """The first waitlisted person is offered the freed seat (once per freed seat)."""
    first = await session.scalar(select(Booking).where(
        Booking.session_id == session_id, Booking.status == BookingStatus.WAITLISTED)
        .order_by(Booking.id).limit(1))
    if first is not None:
        first.status = BookingStatus.OFFERED
        first.sequence += 1
    return first
