"""GraphQL: events, registration (free: a mutation), tickets and check-in."""

from __future__ import annotations

import strawberry
from sqlalchemy import select

from engine.plugins.api import Info, NotFound, VariantFacts, attempt, decode_id, encode_id
from plugins.programme import checkin, events, paid_events, registrations, tickets
from plugins.programme.access import require_partner, signed_in, viewer_of
from plugins.programme.errors import errors_of
from plugins.programme.event_inputs import (
    CheckinListPayload,
    EventRegisterInput,
    EventRegisterPayload,
    ProgrammeEventInput,
    ProgrammeEventPayload,
)
from plugins.programme.event_models import Event, EventSession, Registration
from plugins.programme.event_types import (
    CheckinListStatusType,
    CheckinListType,
    CheckinResultType,
    EventType,
    RegistrationType,
)


async def _event_views(info: Info, found: list[Event]) -> list[EventType]:
    """Events with their sessions and paid seats: two statements for any number."""
    if not found:
        return []
    runtime = info.context.runtime
    sessions: dict[int, list[EventSession]] = {e.id: [] for e in found}
    async with runtime.db.read() as session:
        for row in await session.scalars(
                select(EventSession).where(EventSession.event_id.in_(list(sessions)))
                .order_by(EventSession.starts_at, EventSession.id)):
            sessions[row.event_id].append(row)
    seats = await paid_events.seats_facts(runtime, found)
    return [EventType.of(e, sessions[e.id], seats.get(e.id)) for e in found]


async def _event_view(info: Info, event: Event) -> EventType:
    return (await _event_views(info, [event]))[0]


async def _reg_views(info: Info, found: list[Registration]) -> list[RegistrationType]:
    runtime = info.context.runtime
    positions = await registrations.waitlist_positions(runtime, found)
    return [RegistrationType.of(r, runtime.settings.secret_key, positions.get(r.id))
            for r in found]


async def _reg_view(info: Info, r: Registration) -> RegistrationType:
    return (await _reg_views(info, [r]))[0]


def _event_data(i: ProgrammeEventInput, variant: VariantFacts | None) -> events.EventData:
    return events.EventData(
        variant=variant,
        partner_id=decode_id(i.partner_id, "Partner", field="partnerId"), title=i.title,
        capacity=i.capacity, description=i.description,
        questions=[{"key": q.key, "label": q.label, "required": q.required}
                   for q in i.questions],
        sessions=[events.SessionData(
            starts_at=s.starts_at, ends_at=s.ends_at, online_url=s.online_url,
            access_point_id=(decode_id(s.access_point_id, "AccessPoint", field="sessions")
                             if s.access_point_id else None)) for s in i.sessions])


@strawberry.type
class EventQuery:
    @strawberry.field(description="Upcoming programme events, soonest first (public).")
    async def programme_events(self, info: Info) -> list[EventType]:
        async with info.context.runtime.db.read() as session:
            found = list(await session.scalars(select(Event).order_by(Event.starts_at)))
        return await _event_views(info, found)

    @strawberry.field(description="One programme event (public); null when unknown.")
    async def programme_event(self, info: Info, id: strawberry.ID) -> EventType | None:
        pk = decode_id(id, "ProgrammeEvent")
        async with info.context.runtime.db.read() as session:
            found = await session.get(Event, pk)
        return await _event_view(info, found) if found else None

    @strawberry.field(description="The Ed25519 public key (base64) door devices use to "
                                  "verify ticket secrets offline.")
    def programme_ticket_key(self, info: Info) -> str:
        return tickets.public_key_b64(info.context.runtime.settings.secret_key)

    @strawberry.field(description="Your own event registrations with their tickets.")
    async def my_programme_registrations(self, info: Info) -> list[RegistrationType]:
        viewer = signed_in(await viewer_of(info))
        async with info.context.runtime.db.read() as session:
            found = list(await session.scalars(
                select(Registration).where(Registration.user_id == viewer.user_id)
                .order_by(Registration.id)))
        return await _reg_views(info, found)

    @strawberry.field(description="Live attendance on a check-in list (event staff).")
    async def checkin_list_status(self, info: Info, list_id: strawberry.ID
                                  ) -> CheckinListStatusType:
        pk = decode_id(list_id, "CheckinList", field="listId")
        event = await events.list_event(info.context.runtime, pk)
        require_partner(await viewer_of(info), event.partner_id)
        inside, ever = await checkin.inside_count(info.context.runtime, pk)
        return CheckinListStatusType(inside=inside, checked_in=ever)


@strawberry.type
class EventMutation:
    @strawberry.mutation(description="Create an event (the partner's staff or operators).")
    async def programme_event_create(self, info: Info, input: ProgrammeEventInput
                                     ) -> ProgrammeEventPayload:
        viewer = await viewer_of(info)

        async def create() -> Event:
            variant = None
            if input.variant_id:
                variant = await paid_events.sold_variant(info, decode_id(
                    input.variant_id, "ProductVariant", field="variantId"))
            return await events.create_event(info.context.runtime, viewer,
                                             _event_data(input, variant))

        event, exc = await attempt(create)
        return ProgrammeEventPayload(event=await _event_view(info, event) if event else None,
                                     errors=errors_of(exc))

    @strawberry.mutation(description="Register for a free event: a seat while any is "
                                     "left, else the waitlist (anyone; linked to your "
                                     "account when signed in).")
    async def programme_event_register(self, info: Info, input: EventRegisterInput
                                       ) -> EventRegisterPayload:
        user = await info.context.user()
        answers = input.answers if isinstance(input.answers, dict) else {}
        found, exc = await attempt(lambda: registrations.register(
            info.context.runtime, decode_id(input.event_id, "ProgrammeEvent", field="eventId"),
            user.id if user else None, registrations.Attendee(
                input.name, input.email, {str(k): str(v) for k, v in answers.items()})))
        return EventRegisterPayload(registration=await _reg_view(info, found) if found else None,
                                    errors=errors_of(exc))

    @strawberry.mutation(description="Cancel a registration (its attendee or the event's "
                                     "staff); the oldest waitlisted one takes the seat.")
    async def programme_registration_cancel(self, info: Info, id: strawberry.ID
                                            ) -> EventRegisterPayload:
        viewer = signed_in(await viewer_of(info))
        runtime = info.context.runtime
        pk = decode_id(id, "ProgrammeRegistration")
        async with runtime.db.read() as session:
            found = await session.get(Registration, pk)
            event = await session.get(Event, found.event_id) if found else None
        if found is None or event is None:
            raise NotFound("id", "No such registration.")
        if found.user_id != viewer.user_id:
            require_partner(viewer, event.partner_id)
        result, exc = await attempt(lambda: registrations.cancel(runtime, pk))
        if result is None:
            return EventRegisterPayload(errors=errors_of(exc))
        cancelled, promoted = result
        return EventRegisterPayload(
            registration=await _reg_view(info, cancelled),
            promoted_id=encode_id("ProgrammeRegistration", promoted) if promoted else None)

    @strawberry.mutation(description="Open a check-in list for an event (entry only, or "
                                     "entry and exit when allowExit).")
    async def checkin_list_create(self, info: Info, event_id: strawberry.ID, name: str,
                                  allow_exit: bool = False) -> CheckinListPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: events.create_list(
            info.context.runtime, viewer, decode_id(event_id, "ProgrammeEvent",
                                                    field="eventId"), name, allow_exit))
        return CheckinListPayload(checkin_list=CheckinListType.of(found) if found else None,
                                  errors=errors_of(exc))

    @strawberry.mutation(description="Scan a ticket at a door. Idempotent per nonce: a "
                                     "resent scan gets the same answer.")
    async def check_in(self, info: Info, secret: str, list_id: strawberry.ID, nonce: str,
                       exit: bool = False) -> CheckinResultType:
        pk = decode_id(list_id, "CheckinList", field="listId")
        event = await events.list_event(info.context.runtime, pk)
        require_partner(await viewer_of(info), event.partner_id)
        direction = checkin.EXIT if exit else checkin.ENTRY
        scan, exc = await attempt(lambda: checkin.check_in(info.context.runtime, secret[:400],
                                                           pk, nonce, direction))
        if scan is None:
            return CheckinResultType(ok=False, reason=None, direction=direction,
                                     registration_id=None, errors=errors_of(exc))
        return CheckinResultType.of(scan)
