"""Event registration: a seat while any is left, else the waitlist; a cancellation hands
its seat to the oldest waitlisted registration in the same transaction, and records
``ruta_event_registration_promoted`` so the notifications core tells that attendee (and the
plugin sends the ticket). A seat taken at once gets its ticket e-mail after commit.

The seat counter ``programme_event.confirmed`` only moves through conditional UPDATEs
(``... WHERE confirmed < capacity``), inside write transactions (``BEGIN IMMEDIATE`` on
SQLite, a row lock taken by the UPDATE on PostgreSQL): no interleaving can overbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import CursorResult

from engine.plugins.api import NotFound, Runtime, ValidationError, clean_text, record_event
from plugins.programme import ticket_mail
from plugins.programme.event_models import Event, Registration

CONFIRMED, WAITLISTED, CANCELLED = "CONFIRMED", "WAITLISTED", "CANCELLED"


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    answers: dict[str, str]


def rows_changed(result: Any) -> int:
    return int(result.rowcount) if isinstance(result, CursorResult) else 0


def check_answers(questions: list[dict[str, Any]], answers: dict[str, str]) -> dict[str, str]:
    keys = {q["key"] for q in questions}
    unknown = sorted(set(answers) - keys)
    if unknown:
        raise ValidationError("answers", "INVALID", f"Unknown question: {unknown[0]}.")
    for question in questions:
        if question.get("required") and not (answers.get(question["key"]) or "").strip():
            raise ValidationError("answers", "REQUIRED", f"Please answer: {question['label']}.")
    return {key: clean_text(value, field=f"answers.{key}", max_length=500,
                            required=False) or "" for key, value in answers.items()}


async def register(runtime: Runtime, event_id: int, user_id: int | None,
                   attendee: Attendee) -> Registration:
    name = clean_text(attendee.name, field="name", max_length=160) or ""
    email = (attendee.email or "").strip().lower()
    if "@" not in email or len(email) > 254:
        raise ValidationError("email", "INVALID", "Give a valid e-mail address.")
    async with runtime.db.write() as session:
        event = await session.get(Event, event_id)
        if event is None:
            raise NotFound("eventId", "No such event.")
        if event.variant_id is not None:
            raise ValidationError("eventId", "PAYMENT_REQUIRED",
                                  "This event is paid: buy its ticket through checkout.")
        answers = check_answers(event.questions, attendee.answers)
        seat = await session.execute(
            update(Event).where(Event.id == event_id, Event.confirmed < Event.capacity)
            .values(confirmed=Event.confirmed + 1))
        status = CONFIRMED if rows_changed(seat) == 1 else WAITLISTED
        registration = Registration(event_id=event_id, user_id=user_id, name=name,
                                    email=email, answers=answers, status=status)
        session.add(registration)
        await session.flush()
    if registration.status == CONFIRMED:
        await ticket_mail.send_quietly(runtime, registration.id)
    return registration


async def cancel(runtime: Runtime, registration_id: int) -> tuple[Registration, int | None]:
    """Cancel; returns the registration and the id of the one promoted in its place (who
    is told: ``ruta_event_registration_promoted``)."""
    async with runtime.transaction() as session:
        # lock the registration first (PostgreSQL), then the event row through the UPDATE
        registration = await session.scalar(
            select(Registration).where(Registration.id == registration_id).with_for_update())
        if registration is None:
            raise NotFound("id", "No such registration.")
        if registration.status == CANCELLED:
            raise ValidationError("id", "ALREADY_CANCELLED", "Already cancelled.")
        if registration.order_line_id is not None:
            raise ValidationError("id", "CANCEL_THROUGH_ORDER",
                                  "A paid ticket is cancelled with its order.")
        held_seat = registration.status == CONFIRMED
        registration.status = CANCELLED
        await session.flush()
        if not held_seat:
            return registration, None
        await session.execute(update(Event).where(Event.id == registration.event_id)
                              .values(confirmed=Event.confirmed - 1))
        nxt = await session.scalar(
            select(Registration)
            .where(Registration.event_id == registration.event_id,
                   Registration.status == WAITLISTED)
            .order_by(Registration.id).limit(1).with_for_update())
        if nxt is None:
            return registration, None
        seat = await session.execute(
            update(Event).where(Event.id == registration.event_id,
                                Event.confirmed < Event.capacity)
            .values(confirmed=Event.confirmed + 1))
        if rows_changed(seat) == 1:
            nxt.status = CONFIRMED
            await record_event(session, runtime.plugins, "ruta_event_registration_promoted",
                               registration_id=nxt.id, user_id=nxt.user_id)
        return registration, nxt.id if nxt.status == CONFIRMED else None


async def waitlist_positions(runtime: Runtime, found: list[Registration]
                             ) -> dict[int, int]:
    """:func:`waitlist_position` of many registrations in one statement, by id (only the
    waitlisted ones)."""
    waiting = [r for r in found if r.status == WAITLISTED]
    if not waiting:
        return {}
    async with runtime.db.read() as session:
        queue = await session.execute(
            select(Registration.id, Registration.event_id)
            .where(Registration.event_id.in_({r.event_id for r in waiting}),
                   Registration.status == WAITLISTED,
                   Registration.id <= max(r.id for r in waiting))
            .order_by(Registration.event_id, Registration.id))
        places: dict[int, int] = {}
        ahead: dict[int, int] = {}
        for reg_id, event_id in queue:
            ahead[event_id] = ahead.get(event_id, 0) + 1
            places[reg_id] = ahead[event_id]
    return {r.id: places[r.id] for r in waiting if r.id in places}


async def waitlist_position(runtime: Runtime, registration: Registration) -> int | None:
    if registration.status != WAITLISTED:
        return None
    async with runtime.db.read() as session:
        ahead = await session.scalar(
            select(func.count()).select_from(Registration)
            .where(Registration.event_id == registration.event_id,
                   Registration.status == WAITLISTED, Registration.id <= registration.id))
    return int(ahead or 0)
