"""Booking lifecycle: HELD (15 minutes) -> CONFIRMED -> ATTENDED | NO_SHOW, or cancelled.

Seats are counted on the variant (``seats_taken``); every status change that frees a seat is
a conditional UPDATE on the booking, so a seat is given back exactly once.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.bookings.models import ACTIVE, Booking
from engine.inventory.reservations import give_back_seats

HOLD = timedelta(minutes=15)


def holds(order_id: int, order_line_id: int, vendor_id: int, user_id: int | None,
          variant_id: int, seats: int, starts_at: datetime | None, ends_at: datetime | None,
          now: datetime) -> list[Booking]:
    return [Booking(order_id=order_id, order_line_id=order_line_id, vendor_id=vendor_id,
                    user_id=user_id, variant_id=variant_id, status="HELD",
                    hold_expires_at=now + HOLD, starts_at=starts_at, ends_at=ends_at)
            for _ in range(seats)]


async def confirm(session: AsyncSession, order_id: int) -> int:
    result = await session.execute(
        update(Booking).where(Booking.order_id == order_id, Booking.status == "HELD")
        .values(status="CONFIRMED", hold_expires_at=None))
    return int(getattr(result, "rowcount", 0))


async def release(session: AsyncSession, order_id: int, status: str) -> int:
    """End every active booking of the order with ``status``; give their seats back once."""
    rows = (await session.execute(
        select(Booking.id, Booking.variant_id)
        .where(Booking.order_id == order_id, Booking.status.in_(ACTIVE))
        .order_by(Booking.variant_id, Booking.id))).all()
    freed: Counter[int] = Counter()
    for booking_id, variant_id in rows:
        changed = await session.execute(
            update(Booking).where(Booking.id == booking_id, Booking.status.in_(ACTIVE))
            .values(status=status, hold_expires_at=None))
        if getattr(changed, "rowcount", 0) == 1 and variant_id is not None:
            freed[variant_id] += 1
    for variant_id, seats in sorted(freed.items()):
        await give_back_seats(session, variant_id, seats)
    return sum(freed.values())


async def expired_orders(session: AsyncSession, now: datetime) -> list[int]:
    """Orders with a hold past its 15 minutes (the order was not paid in time)."""
    rows = await session.scalars(
        select(Booking.order_id).where(Booking.status == "HELD", Booking.hold_expires_at < now)
        .distinct())
    return sorted(rows)
