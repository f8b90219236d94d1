"""The ticket e-mail (``event_ticket``): every CONFIRMED registration's attendee gets its
QR code (a PNG of the signed secret, as on "My tickets"), the door code and the event's
``.ics``, once per registration (dedupe key ``event-ticket:<registration id>``), in the
account's language (English for a guest, who registered with an e-mail only).

Sent after the registration's transaction committed: by a free registration or an assisted
booking, by ``ruta_event_registration_promoted`` (a waitlisted one took a freed seat) and by
``ruta_order_paid`` (every paid seat, redeliveries included: the dedupe key keeps it once).
"""

from __future__ import annotations

import io
import logging
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import select

from engine.plugins.api import Attachment, MessageType, Recipient, Runtime, notify, utcnow
from plugins.programme import tickets
from plugins.programme.event_models import Event, EventSession, Registration
from plugins.programme.models import AccessPoint

log = logging.getLogger(__name__)

MESSAGES = Path(__file__).resolve().parent / "messages"
CODE = "event_ticket"

MESSAGE_TYPE = MessageType(
    CODE, "EVENT", MESSAGES / CODE,
    description="To each attendee with a confirmed seat at a programme event: the ticket's "
                "QR code (PNG), door code and .ics (transactional).")


def qr_png(secret: str) -> bytes:
    """The secret as a QR code PNG (the same code as the account's SVG)."""
    import segno  # on first use: kept out of every worker's start-up memory

    out = io.BytesIO()
    segno.make(secret, error="m").save(out, kind="png", scale=8, border=4)
    return out.getvalue()


def place_of(point: AccessPoint | None) -> str | None:
    return f"{point.name}, {point.address}, {point.town}" if point else None


def calendar(registration: Registration, event: Event,
             sessions: list[tuple[EventSession, AccessPoint | None]]) -> bytes:
    """One VEVENT per session of the event (RFC 5545, escaped by ``icalendar``)."""
    from icalendar import Calendar  # on first use, as segno above
    from icalendar import Event as CalendarEvent

    cal = Calendar()
    cal.add("prodid", "-//Ruta//Programme//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    for row, point in sessions:
        entry = CalendarEvent()
        entry.add("uid", f"programme-registration-{registration.id}-{row.id}@ruta")
        entry.add("dtstamp", utcnow().astimezone(UTC))
        entry.add("dtstart", row.starts_at.astimezone(UTC))
        entry.add("dtend", row.ends_at.astimezone(UTC))
        entry.add("summary", event.title)
        entry.add("location", place_of(point) or row.online_url or "")
        if row.online_url:
            entry.add("url", row.online_url)
        cal.add_component(entry)
    return bytes(cal.to_ical())


async def send_ticket(runtime: Runtime, registration_id: int) -> int:
    """Queue and send the ticket of a CONFIRMED registration (no transaction open); returns
    1 when newly sent, 0 when already sent or not (or no longer) confirmed."""
    async with runtime.db.read() as session:
        registration = await session.get(Registration, registration_id)
        if registration is None or registration.status != "CONFIRMED":
            return 0
        event = await session.get(Event, registration.event_id)
        if event is None:
            return 0
        rows = list(await session.execute(
            select(EventSession, AccessPoint)
            .outerjoin(AccessPoint, AccessPoint.id == EventSession.access_point_id)
            .where(EventSession.event_id == event.id).order_by(EventSession.starts_at)))
    sessions: list[tuple[EventSession, AccessPoint | None]] = [(s, p) for s, p in rows]
    first, point = sessions[0] if sessions else (None, None)
    secret = tickets.sign(runtime.settings.secret_key, registration.id, event.id)
    context: dict[str, Any] = {
        "title": event.title, "name": registration.name,
        "starts_at": first.starts_at if first else event.starts_at,
        "place": place_of(point), "online_url": first.online_url if first else None,
        "sessions": len(sessions),
        "door_code": tickets.door_code(runtime.settings.secret_key, registration.id),
        "has_account": registration.user_id is not None}
    attachments = [Attachment("ticket.png", "image/png", qr_png(secret))]
    if sessions:
        attachments.append(Attachment("event.ics", "text/calendar",
                                      calendar(registration, event, sessions)))
    if registration.user_id is not None:
        recipient = Recipient(user_id=registration.user_id, context=context,
                              attachments=attachments)
    else:  # a guest: the address given, and the place's time zone when in person
        recipient = Recipient(email=registration.email, context=context,
                              attachments=attachments,
                              time_zone=point.time_zone if point else None)
    return await notify(runtime, CODE, f"event-ticket:{registration.id}", [recipient])


async def send_quietly(runtime: Runtime, registration_id: int) -> None:
    """``send_ticket`` after a registration the caller must not lose: a failure is logged
    (the registration stands; "My tickets" shows the QR)."""
    try:
        await send_ticket(runtime, registration_id)
    except Exception:
        log.exception("registration %d: the ticket e-mail could not be queued",
                      registration_id)
