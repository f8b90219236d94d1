"""The programme plugin's e-mail, sent by the notifications core: a waitlisted attendee
of a programme event got a freed seat (an account's language, or English for a guest)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from engine.plugins.api import MessageType, Recipient, Runtime
from plugins.programme.event_models import Event, EventSession, Registration

MESSAGES = Path(__file__).resolve().parent / "messages"


async def promoted(runtime: Runtime, registration_id: int, user_id: int | None,
                   **_: Any) -> Sequence[Recipient]:
    async with runtime.db.read() as session:
        found = await session.get(Registration, registration_id)
        event = await session.get(Event, found.event_id) if found else None
        first = await session.scalar(select(EventSession).where(
            EventSession.event_id == found.event_id).order_by(EventSession.starts_at)
            .limit(1)) if found else None
    if found is None or event is None or found.status != "CONFIRMED":
        return []
    context = {"title": event.title, "name": found.name,
               "starts_at": first.starts_at if first else event.starts_at,
               "online_url": first.online_url if first else None}
    if user_id is not None:
        return [Recipient(user_id=user_id, context=context)]
    return [Recipient(email=found.email, context=context)]


MESSAGE_TYPES = (
    MessageType("event_waitlist_promoted", "EVENT", MESSAGES / "event_waitlist_promoted",
                "ruta_event_registration_promoted", promoted,
                "To an attendee whose waitlist place at a programme event became a seat."),
)
