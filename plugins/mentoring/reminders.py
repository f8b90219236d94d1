"""The booking reminder, 24 hours before a confirmed session, once per booking: each due
booking is claimed with a conditional ``UPDATE ... WHERE reminded_at IS NULL`` (safe with
many workers), then the message is sent with no transaction open."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update

from engine.plugins.api import Recipient, Runtime, notify
from plugins.mentoring.enums import BookingStatus, SessionStatus
from plugins.mentoring.models import Booking, Expert, Offering, Session

AHEAD = timedelta(hours=24)


async def _claim(runtime: Runtime, booking_id: int, now: datetime) -> bool:
    async with runtime.db.write() as session:
        done = await session.execute(update(Booking).where(
            Booking.id == booking_id, Booking.reminded_at.is_(None)).values(reminded_at=now))
        return bool(getattr(done, "rowcount", 0) == 1)


async def remind_due(runtime: Runtime, now: datetime) -> int:
    """Remind every attendee whose session starts within 24 hours; returns how many."""
    async with runtime.db.read() as session:
        rows = (await session.execute(
            select(Booking.id, Booking.user_id, Booking.language, Session.starts_at,
                   Offering.title, Offering.is_online, Offering.address, Expert.display_name)
            .join(Session, Session.id == Booking.session_id)
            .join(Offering, Offering.id == Session.offering_id)
            .join(Expert, Expert.id == Offering.expert_id)
            .where(Booking.status == BookingStatus.CONFIRMED, Booking.reminded_at.is_(None),
                   Session.status == SessionStatus.SCHEDULED, Session.starts_at > now,
                   Session.starts_at <= now + AHEAD)
            .order_by(Booking.id).limit(200))).all()
    sent = 0
    for row in rows:
        if not await _claim(runtime, row.id, now):
            continue  # another worker has it
        context = {"title": row.title, "expert": row.display_name,
                   "starts_at": row.starts_at,
                   "location": None if row.is_online else row.address}
        sent += await notify(runtime, "booking_reminder", f"booking-reminder:{row.id}",
                             [Recipient(user_id=row.user_id, language=row.language,
                                        context=context)])
    return sent
