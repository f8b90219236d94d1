"""GraphQL: operators create and update partner organisations; partner staff find their
partner, book participants they assist into events and list check-in lists."""

from __future__ import annotations

import strawberry
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON

from engine.plugins.api import Info, attempt, decode_id
from plugins.programme import assisted_booking, partner_admin, registrations
from plugins.programme.access import viewer_of
from plugins.programme.errors import ProgrammeError, errors_of
from plugins.programme.event_inputs import EventRegisterPayload
from plugins.programme.event_types import CheckinListType, RegistrationType
from plugins.programme.network_types import PartnerType


@strawberry.input
class PartnerCreateInput:
    name: str
    kind: str = strawberry.field(description="COUNCIL, NGO, ASSOCIATION or "
                                             "BUSINESS_CONFEDERATION.")
    country: str
    region: str
    contact_email: str = ""


@strawberry.input
class PartnerUpdateInput:
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    region: str | None = None
    contact_email: str | None = None


@strawberry.type
class PartnerPayload:
    partner: PartnerType | None = None
    errors: list[ProgrammeError] = strawberry.field(default_factory=list)


@strawberry.type
class PartnerMutation:
    @strawberry.mutation(description="Add a partner organisation (operators).")
    async def partner_create(self, info: Info, input: PartnerCreateInput) -> PartnerPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: partner_admin.create(
            info.context.runtime, viewer, partner_admin.PartnerData(
                input.name, input.kind, input.country, input.region, input.contact_email)))
        return PartnerPayload(partner=PartnerType.of(found) if found else None,
                              errors=errors_of(exc))

    @strawberry.mutation(description="Change a partner's details (operators); omitted "
                                     "fields stay.")
    async def partner_update(self, info: Info, id: strawberry.ID,
                             input: PartnerUpdateInput) -> PartnerPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: partner_admin.update(
            info.context.runtime, viewer, decode_id(id, "Partner"), partner_admin.PartnerData(
                input.name, input.kind, input.country, input.region, input.contact_email)))
        return PartnerPayload(partner=PartnerType.of(found) if found else None,
                              errors=errors_of(exc))


@strawberry.type
class PartnerLogoMutation:
    @strawberry.mutation(description="Upload a partner's logo (operators; GraphQL multipart "
                                     "request, checked like a product picture).")
    async def partner_logo_upload(self, info: Info, id: strawberry.ID,
                                  file: Upload) -> PartnerPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: partner_admin.set_logo(
            info.context.runtime, viewer, decode_id(id, "Partner"), file))
        return PartnerPayload(partner=PartnerType.of(found) if found else None,
                              errors=errors_of(exc))


@strawberry.input
class ParticipantBookInput:
    participant_id: strawberry.ID
    event_id: strawberry.ID
    name: str
    answers: JSON = strawberry.field(default_factory=dict,
                                     description="Question key → answer.")


@strawberry.type
class PartnerQuery:
    @strawberry.field(description="The partner you work for (partner staff), else null.")
    async def my_programme_partner(self, info: Info) -> PartnerType | None:
        found = await assisted_booking.my_partner(info.context.runtime, await viewer_of(info))
        return PartnerType.of(found) if found else None

    @strawberry.field(description="An event's check-in lists (its partner's staff, "
                                  "operators).")
    async def programme_checkin_lists(self, info: Info, event_id: strawberry.ID
                                      ) -> list[CheckinListType]:
        found = await assisted_booking.checkin_lists(
            info.context.runtime, await viewer_of(info),
            decode_id(event_id, "ProgrammeEvent", field="eventId"))
        return [CheckinListType.of(c) for c in found]


@strawberry.type
class BookingMutation:
    @strawberry.mutation(description="Book a participant you assist into an event (their "
                                     "partner's staff, operators): a seat or the waitlist, "
                                     "with the ticket in the participant's account.")
    async def participant_book(self, info: Info, input: ParticipantBookInput
                               ) -> EventRegisterPayload:
        viewer = await viewer_of(info)
        answers = input.answers if isinstance(input.answers, dict) else {}
        found, exc = await attempt(lambda: assisted_booking.book(
            info.context.runtime, viewer,
            decode_id(input.participant_id, "ProgrammeParticipant", field="participantId"),
            decode_id(input.event_id, "ProgrammeEvent", field="eventId"), input.name,
            {str(k): str(v) for k, v in answers.items()}))
        if found is None:
            return EventRegisterPayload(errors=errors_of(exc))
        runtime = info.context.runtime
        return EventRegisterPayload(registration=RegistrationType.of(
            found, runtime.settings.secret_key,
            await registrations.waitlist_position(runtime, found)))
