"""GraphQL: partners, access points, staff, assisted participants and impact."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Annotated

import strawberry

from engine.plugins.api import (
    Info,
    PermissionDenied,
    attempt,
    can_manage_vendor,
    decode_id,
    user_emails,
)
from plugins.programme import impact, jobs, participants, partners
from plugins.programme.access import viewer_of
from plugins.programme.errors import ProgrammeError, errors_of
from plugins.programme.impact_csv import to_csv
from plugins.programme.network_types import (
    AccessPointType,
    ImpactRowType,
    JobsDeclarationPayload,
    JobsDeclarationType,
    JourneyStepType,
    ParticipantType,
    PartnerType,
)


@strawberry.enum(description="How impact figures are broken down.")
class ImpactGroupBy(enum.Enum):
    NONE = "NONE"
    COUNTRY = "COUNTRY"
    REGION = "REGION"
    PARTNER = "PARTNER"
    ORIGIN = "ORIGIN"
    PERIOD = "PERIOD"


@strawberry.enum(description="What an access point helps with.")
class AccessService(enum.Enum):
    COMPUTERS = "COMPUTERS"
    ADMIN_GUIDANCE = "ADMIN_GUIDANCE"
    JOB_SEARCH = "JOB_SEARCH"
    LANGUAGE_HELP = "LANGUAGE_HELP"


@strawberry.input
class NearInput:
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None
    postal_code: str | None = None


@strawberry.input
class ParticipantRegisterInput:
    partner_id: strawberry.ID
    email: str
    language: str
    consent_journey: bool
    origin_region: str | None = strawberry.field(default=None, description=(
        "Self-declared, optional: used only for aggregated impact statistics."))


@strawberry.type
class ParticipantPayload:
    participant: ParticipantType | None = None
    errors: list[ProgrammeError] = strawberry.field(default_factory=list)


def _start(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=UTC)


@strawberry.type
class NetworkQuery:
    @strawberry.field(description="The programme's partner organisations (public).")
    async def partners(self, info: Info) -> list[PartnerType]:
        return [PartnerType.of(p) for p in await partners.partners(info.context.runtime)]

    @strawberry.field(description="Access points, nearest first when `near` is given "
                                  "(coordinates, or a country and postal code).")
    async def access_points(self, info: Info, near: NearInput | None = None,
                            service: AccessService | None = None,
                            first: int = 50) -> list[AccessPointType]:
        where = partners.Near(near.latitude, near.longitude, near.country,
                              near.postal_code) if near else None
        rows = await partners.access_points(info.context.runtime, where,
                                            service.value if service else None,
                                            max(0, min(first, 100)))
        return [AccessPointType.of(p, d) for p, d in rows]

    @strawberry.field(description="Participants you assist (partner staff: your partner's; "
                                  "operators: all).")
    async def programme_participants(self, info: Info) -> list[ParticipantType]:
        runtime = info.context.runtime
        found = await participants.visible(runtime, await viewer_of(info))
        async with runtime.db.read() as session:
            emails = await user_emails(session, [p.user_id for p in found])
        return [ParticipantType.of(p, emails.get(p.user_id, "")) for p in found]

    @strawberry.field(description="A participant's journey: only their partner's staff or "
                                  "operators, and only with the participant's consent.")
    async def participant_journey(self, info: Info, id: strawberry.ID) -> list[JourneyStepType]:
        steps = await participants.journey(info.context.runtime, await viewer_of(info),
                                           decode_id(id, "ProgrammeParticipant"))
        return [JourneyStepType(kind=s.kind, at=s.at, label=s.label) for s in steps]

    @strawberry.field(description="Impact figures between two dates (to exclusive), "
                                  "grouped; figures resting on fewer than 5 people are null.")
    async def impact_report(self, info: Info,
                            from_: Annotated[date, strawberry.argument(name="from")],
                            to: date,
                            group_by: ImpactGroupBy = ImpactGroupBy.NONE,
                            ) -> list[ImpactRowType]:
        rows = await impact.report(info.context.runtime, await viewer_of(info), _start(from_),
                                   _start(to), group_by.value)
        return [ImpactRowType.of(r) for r in rows]

    @strawberry.field(description="The same report as CSV text (suppressed cells: \"<5\").")
    async def impact_report_csv(self, info: Info,
                                from_: Annotated[date, strawberry.argument(name="from")],
                                to: date,
                                group_by: ImpactGroupBy = ImpactGroupBy.NONE,
                                ) -> str:
        value = group_by.value
        rows = await impact.report(info.context.runtime, await viewer_of(info), _start(from_),
                                   _start(to), value)
        return to_csv(value, rows)


@strawberry.type
class NetworkMutation:
    @strawberry.mutation(description="A vendor declares its employees on a date (direct and "
                                     "indirect jobs); a second declaration on the same date "
                                     "corrects the first.")
    async def programme_jobs_declare(self, info: Info, vendor_id: strawberry.ID, as_of: date,
                                     direct: int, indirect: int) -> JobsDeclarationPayload:
        pk = decode_id(vendor_id, "Vendor", field="vendorId")
        if not await can_manage_vendor(info, pk):
            raise PermissionDenied("Only the vendor's staff or an operator may declare jobs.")
        found, exc = await attempt(lambda: jobs.declare(info.context.runtime, pk, as_of,
                                                        direct, indirect))
        if found is None:
            return JobsDeclarationPayload(errors=errors_of(exc))
        return JobsDeclarationPayload(declaration=JobsDeclarationType(
            as_of=date.fromisoformat(found.as_of), direct=found.direct,
            indirect=found.indirect))

    @strawberry.mutation(description="Make a user staff of a partner (operators).")
    async def partner_staff_add(self, info: Info, partner_id: strawberry.ID,
                                user_id: strawberry.ID) -> list[ProgrammeError]:
        viewer = await viewer_of(info)
        _, exc = await attempt(lambda: partners.add_staff(
            info.context.runtime, viewer, decode_id(partner_id, "Partner", field="partnerId"),
            decode_id(user_id, "User", field="userId")))
        return errors_of(exc)

    @strawberry.mutation(description="Register a participant you assist (partner staff), "
                                     "recording their consent to share their journey.")
    async def participant_register(self, info: Info, input: ParticipantRegisterInput
                                   ) -> ParticipantPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: participants.register(
            info.context.runtime, viewer, participants.NewParticipant(
                partner_id=decode_id(input.partner_id, "Partner", field="partnerId"),
                email=input.email, language=input.language,
                consent_journey=input.consent_journey, origin_region=input.origin_region)))
        return ParticipantPayload(participant=ParticipantType.of(found, input.email.strip())
                                  if found else None, errors=errors_of(exc))

    @strawberry.mutation(description="As a participant, give or withdraw consent to show "
                                     "your journey to the partner assisting you.")
    async def participant_consent_set(self, info: Info, id: strawberry.ID, consent: bool
                                      ) -> ParticipantPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: participants.set_consent(
            info.context.runtime, viewer, decode_id(id, "ProgrammeParticipant"), consent))
        return ParticipantPayload(participant=ParticipantType.of(found) if found else None,
                                  errors=errors_of(exc))
