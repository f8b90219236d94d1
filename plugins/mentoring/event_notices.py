"""Messages fed by the mentoring plugin's lifecycle events (the notifications core calls
the resolvers with each event's arguments): a waitlisted attendee got a seat, the expert
cancelled a session (with what is refunded), a funding request changed status."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from engine.plugins.api import MessageType, Recipient, Runtime
from plugins.mentoring.models import Booking, Expert, Offering, Session
from plugins.mentoring.relationship_models import FundingRequest

MESSAGES = Path(__file__).resolve().parent / "messages"


async def _booking(runtime: Runtime, booking_id: int) -> tuple[Booking, dict[str, Any]] | None:
    async with runtime.db.read() as session:
        booking = await session.get(Booking, booking_id)
        row = await session.get(Session, booking.session_id) if booking else None
        offering = await session.get(Offering, row.offering_id) if row else None
        expert = await session.get(Expert, offering.expert_id) if offering else None
    if booking is None or row is None or offering is None or expert is None:
        return None
    return booking, {"title": offering.title, "expert": expert.display_name,
                     "starts_at": row.starts_at,
                     "location": None if offering.is_online else offering.address}


async def booking_promoted(runtime: Runtime, booking_id: int, **_: Any) -> Sequence[Recipient]:
    found = await _booking(runtime, booking_id)
    if found is None:
        return []
    booking, context = found
    return [Recipient(user_id=booking.user_id, language=booking.language, context=context)]


async def session_cancelled(runtime: Runtime, booking_id: int, refund: str,
                            **_: Any) -> Sequence[Recipient]:
    found = await _booking(runtime, booking_id)
    if found is None:
        return []
    booking, context = found
    return [Recipient(user_id=booking.user_id, language=booking.language,
                      context={**context, "refund": Decimal(refund)})]


async def funding_status_changed(runtime: Runtime, request_id: int, user_id: int,
                                 status: str, **_: Any) -> Sequence[Recipient]:
    async with runtime.db.read() as session:
        found = await session.get(FundingRequest, request_id)
    if found is None:
        return []
    return [Recipient(user_id=user_id, context={"project": found.project, "status": status,
                                                "amount": found.amount_sought})]


EVENT_MESSAGES = (
    MessageType("booking_promoted", "BOOKING", MESSAGES / "booking_promoted",
                "ruta_booking_promoted", booking_promoted,
                "To an attendee whose waitlist place in a group session became a seat."),
    MessageType("session_cancelled", "BOOKING", MESSAGES / "session_cancelled",
                "ruta_session_cancelled", session_cancelled,
                "To each attendee when the expert cancels a session, with the refund."),
    MessageType("funding_status_changed", "FUNDING", MESSAGES / "funding_status_changed",
                "ruta_funding_status_changed", funding_status_changed,
                "To the requester when a funding request changes status."),
)
