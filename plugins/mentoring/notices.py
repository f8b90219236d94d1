"""Booking messages: ``booking_confirmed`` (with the attendee's ``.ics``), sent through the
notifications core once per booking and calendar sequence."""

from __future__ import annotations

import logging
from pathlib import Path

from engine.plugins.api import Attachment, MessageType, Recipient, Runtime, notify, utcnow
from plugins.mentoring.enums import BookingStatus
from plugins.mentoring.ics import CalendarEntry, render
from plugins.mentoring.models import Booking, Expert, Offering, Session

log = logging.getLogger(__name__)

MESSAGES = Path(__file__).resolve().parent / "messages"

MESSAGE_TYPES = (
    MessageType("booking_confirmed", "BOOKING", MESSAGES / "booking_confirmed",
                description="To the attendee when a session is booked, with its .ics."),
    MessageType("booking_reminder", "REMINDER", MESSAGES / "booking_reminder",
                description="To the attendee 24 hours before the session (can be "
                            "switched off)."),
)


async def booking_confirmed(runtime: Runtime, booking_id: int) -> None:
    """Tell the attendee (after commit). A failure is logged: the booking stands."""
    try:
        async with runtime.db.read() as session:
            booking = await session.get(Booking, booking_id)
            if booking is None or booking.status != BookingStatus.CONFIRMED:
                return
            row = await session.get(Session, booking.session_id)
            offering = await session.get(Offering, row.offering_id) if row else None
            expert = await session.get(Expert, offering.expert_id) if offering else None
        if row is None or offering is None or expert is None:
            return
        location = None if offering.is_online else offering.address
        ics = render(CalendarEntry(
            booking_id=booking.id, title=offering.title, expert_name=expert.display_name,
            starts_at=row.starts_at, ends_at=row.ends_at, location=location,
            sequence=booking.sequence, cancelled=False, language=booking.language,
            stamp=utcnow()))
        context = {"title": offering.title, "expert": expert.display_name,
                   "starts_at": row.starts_at, "location": location}
        recipient = Recipient(user_id=booking.user_id, language=booking.language,
                              context=context, attachments=[
                                  Attachment("session.ics", "text/calendar", ics.encode())])
        await notify(runtime, "booking_confirmed", f"booking:{booking.id}:{booking.sequence}",
                     [recipient])
    except Exception:
        log.exception("booking %d: the confirmation could not be queued", booking_id)
