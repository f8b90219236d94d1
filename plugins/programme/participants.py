"""Assisted participants: registered by a partner's staff with recorded consent; their
journey is shown to that partner's staff (and operators) only while they consent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from engine.plugins.api import (
    JourneyFact,
    NotFound,
    PermissionDenied,
    Runtime,
    ValidationError,
    clean_text,
    gather_hook,
    owned_vendors,
    user_ids_by_email,
    utcnow,
)
from plugins.programme.access import Viewer, require_partner, signed_in
from plugins.programme.event_models import Registration
from plugins.programme.models import Participant


@dataclass(frozen=True)
class NewParticipant:
    partner_id: int
    email: str
    language: str
    consent_journey: bool
    origin_region: str | None = None


@dataclass(frozen=True)
class Step:
    kind: str
    at: datetime
    label: str


async def register(runtime: Runtime, viewer: Viewer | None, data: NewParticipant
                   ) -> Participant:
    who = require_partner(viewer, data.partner_id)
    language = (data.language or "").strip().upper()
    if not 2 <= len(language) <= 8 or not language.isalpha():
        raise ValidationError("language", "INVALID", "Give a language code such as AR or ES.")
    origin = clean_text(data.origin_region, field="originRegion", max_length=80,
                        required=False) or None
    async with runtime.db.write() as session:
        found = await user_ids_by_email(session, [data.email])
        user_id = next(iter(found.values()), None)
        if user_id is None:
            raise NotFound("email", "The participant needs an account with this e-mail.")
        participant = Participant(
            partner_id=data.partner_id, user_id=user_id, registered_by=who.user_id,
            language=language, origin_region=origin, consent_journey=data.consent_journey,
            consent_recorded_at=utcnow() if data.consent_journey else None)
        session.add(participant)
        try:
            await session.flush()
        except IntegrityError as exc:
            raise ValidationError("email", "DUPLICATED",
                                  "This person is already registered with the partner.") from exc
        return participant


async def visible(runtime: Runtime, viewer: Viewer | None) -> list[Participant]:
    """Operators: everyone; partner staff: their partner's participants; others: nobody."""
    who = signed_in(viewer)
    query = select(Participant).order_by(Participant.id)
    if not who.is_operator:
        if who.partner_id is None:
            raise PermissionDenied("Only partner staff and operators see participants.")
        query = query.where(Participant.partner_id == who.partner_id)
    async with runtime.db.read() as session:
        return list(await session.scalars(query))


async def set_consent(runtime: Runtime, viewer: Viewer | None, participant_id: int,
                      consent: bool) -> Participant:
    """The participant (only) gives or withdraws consent to show their journey."""
    who = signed_in(viewer)
    async with runtime.db.write() as session:
        participant = await session.get(Participant, participant_id)
        if participant is None or participant.user_id != who.user_id:
            raise NotFound("id", "No such participant.")
        participant.consent_journey = consent
        participant.consent_recorded_at = utcnow()
        return participant


async def journey(runtime: Runtime, viewer: Viewer | None, participant_id: int) -> list[Step]:
    async with runtime.db.read() as session:
        participant = await session.get(Participant, participant_id)
        if participant is None:
            raise NotFound("id", "No such participant.")
        require_partner(viewer, participant.partner_id)
        if not participant.consent_journey:
            raise PermissionDenied("This participant has not consented to share their journey.")
        vendors = await owned_vendors(session, [participant.user_id])
        events = list(await session.scalars(
            select(Registration).where(Registration.user_id == participant.user_id)))
    steps = [Step("REGISTERED", participant.registered_at, "")]
    for answer in await gather_hook(runtime.plugins.hook.ruta_journey_facts, runtime=runtime,
                                    user_ids=[participant.user_id]):
        steps += [Step(f.kind, f.at, f.label) for f in answer if isinstance(f, JourneyFact)]
    for v in vendors:
        steps.append(Step("VENDOR_APPLIED", v.founded_at, v.status))
        if v.first_paid_at:
            steps.append(Step("FIRST_PAID_ORDER", v.first_paid_at, ""))
    steps += [Step("EVENT_" + r.status, r.created_at, "") for r in events]
    return sorted(steps, key=lambda s: s.at)
