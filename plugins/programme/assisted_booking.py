"""Partner staff book a participant they assist into an event (the registration is the
participant's: their account, their e-mail, their ticket); staff list the check-in lists
of their partner's events."""

from __future__ import annotations

from sqlalchemy import select

from engine.plugins.api import NotFound, Runtime, user_emails
from plugins.programme import registrations
from plugins.programme.access import Viewer, require_partner
from plugins.programme.event_models import CheckinList, Event, Registration
from plugins.programme.models import Participant, Partner, PartnerStaff


async def book(runtime: Runtime, viewer: Viewer | None, participant_id: int, event_id: int,
               name: str, answers: dict[str, str]) -> Registration:
    async with runtime.db.read() as session:
        participant = await session.get(Participant, participant_id)
        if participant is None:
            raise NotFound("participantId", "No such participant.")
        require_partner(viewer, participant.partner_id)
        email = (await user_emails(session, [participant.user_id])).get(participant.user_id, "")
    return await registrations.register(runtime, event_id, participant.user_id,
                                        registrations.Attendee(name, email, answers))


async def checkin_lists(runtime: Runtime, viewer: Viewer | None,
                        event_id: int) -> list[CheckinList]:
    async with runtime.db.read() as session:
        event = await session.get(Event, event_id)
        if event is None:
            raise NotFound("eventId", "No such event.")
        require_partner(viewer, event.partner_id)
        return list(await session.scalars(select(CheckinList).where(
            CheckinList.event_id == event_id).order_by(CheckinList.id)))


async def my_partner(runtime: Runtime, viewer: Viewer | None) -> Partner | None:
    if viewer is None or viewer.partner_id is None:
        return None
    async with runtime.db.read() as session:
        return await session.get(Partner, viewer.partner_id)


async def partner_of_user(runtime: Runtime, user_id: int) -> Partner | None:
    async with runtime.db.read() as session:
        return await session.scalar(select(Partner).join(
            PartnerStaff, PartnerStaff.partner_id == Partner.id).where(
            PartnerStaff.user_id == user_id))
