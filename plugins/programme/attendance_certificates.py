"""Certificates of attendance for an event's attendees: ``issue_for_event`` asks the core
hook ``ruta_attendance_certificate`` (answered by an e-learning plugin; the programme never
imports it) once for each account checked in (an accepted ENTRY scan) on any of the
event's check-in lists. The hook issues once per person and event (the reference
``programme-event:<id>``), so running it again issues nothing new; the count returned is
what this run issued. Guests registered without an account get none.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from engine.plugins.api import (
    IssuedCertificate,
    NotFound,
    Runtime,
    ValidationError,
    gather_hook,
)
from plugins.programme.access import Viewer, require_partner
from plugins.programme.checkin import ENTRY
from plugins.programme.event_models import Checkin, CheckinList, Event, Registration
from plugins.programme.models import Partner


def reference_of(event_id: int) -> str:
    return f"programme-event:{event_id}"


async def checked_in_users(runtime: Runtime, event_id: int) -> list[int]:
    """Accounts with at least one accepted entry on the event's check-in lists."""
    async with runtime.db.read() as session:
        return list(await session.scalars(
            select(Registration.user_id).distinct()
            .join(Checkin, Checkin.registration_id == Registration.id)
            .join(CheckinList, CheckinList.id == Checkin.list_id)
            .where(CheckinList.event_id == event_id, Registration.event_id == event_id,
                   Checkin.ok.is_(True), Checkin.direction == ENTRY,
                   Registration.user_id.is_not(None))
            .order_by(Registration.user_id)))


async def issue_for_event(runtime: Runtime, viewer: Viewer | None, event_id: int,
                          now: datetime) -> int:
    """Issue the event's certificates of attendance (its partner's staff or operators);
    the number newly issued."""
    async with runtime.db.read() as session:
        event = await session.get(Event, event_id)
        if event is None:
            raise NotFound("eventId", "No such event.")
        require_partner(viewer, event.partner_id)
        partner = await session.get(Partner, event.partner_id)
    if event.starts_at > now:
        raise ValidationError("eventId", "NOT_STARTED",
                              "Certificates of attendance are issued once the event has "
                              "started.")
    issued = 0
    for user_id in await checked_in_users(runtime, event_id):
        answers: list[IssuedCertificate] = await gather_hook(
            runtime.plugins.hook.ruta_attendance_certificate, runtime=runtime,
            user_id=user_id, reference=reference_of(event_id), title=event.title,
            attended_on=event.starts_at.date(), organiser=partner.name if partner else "")
        issued += 1 if any(answer.new for answer in answers) else 0
    return issued
