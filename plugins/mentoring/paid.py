"""Paid sessions: the core's checkout sells the linked variant; when the order is paid the
buyer gets a confirmed booking here (the core already counted the seat on its variant)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from engine.plugins.api import Runtime, order_facts
from plugins.mentoring.enums import BookingStatus, SessionStatus
from plugins.mentoring.models import Booking, Session

#: A buyer still in a paid session's waitlist gets their place confirmed when they pay.
LINE = (BookingStatus.WAITLISTED, BookingStatus.OFFERED)


async def order_paid(runtime: Runtime, order_id: int) -> int:
    """Create the bookings of a paid order once (redeliveries find them); returns how many."""
    async with runtime.db.read() as session:
        order = await order_facts(session, order_id)
    if order is None or order.buyer_user_id is None:
        return 0  # no account to hold the booking
    created = 0
    for _, line in order.lines():
        if line.variant_id is None:
            continue
        try:
            async with runtime.transaction() as session:
                row = await session.scalar(select(Session).where(
                    Session.variant_id == line.variant_id,
                    Session.status == SessionStatus.SCHEDULED))
                if row is None:
                    continue
                waiting = await session.scalar(select(Booking).where(
                    Booking.session_id == row.id, Booking.user_id == order.buyer_user_id))
                if waiting is not None and waiting.status not in LINE:
                    continue
                await session.execute(update(Session).where(
                    Session.id == row.id, Session.seats_taken < Session.seats)
                    .values(seats_taken=Session.seats_taken + 1))
                if waiting is not None:  # bought the seat offered from the waitlist
                    waiting.status, waiting.order_id = BookingStatus.CONFIRMED, order_id
                    waiting.price, waiting.sequence = line.unit_gross, waiting.sequence + 1
                else:
                    session.add(Booking(session_id=row.id, user_id=order.buyer_user_id,
                                        status=BookingStatus.CONFIRMED,
                                        language=order.language_code, price=line.unit_gross,
                                        order_id=order_id, sequence=0))
                created += 1
        except IntegrityError:
            continue  # a concurrent redelivery created it
    return created
