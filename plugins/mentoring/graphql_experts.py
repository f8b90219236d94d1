"""GraphQL: expert profiles, the tag taxonomy, availability, slots and matching."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

import strawberry
from sqlalchemy import select

from engine.plugins.api import CountryCode, Info, ValidationError, attempt, decode_id, utcnow
from plugins.mentoring import availability, expert_list, match_query, profiles
from plugins.mentoring.errors import MentoringError, errors_of, viewer_of
from plugins.mentoring.matching import Match, Needs
from plugins.mentoring.models import Expert, Tag
from plugins.mentoring.types import ExpertiseTag, ExpertKindEnum, ExpertSlot, ExpertType


@strawberry.input
class TranslatedTextInput:
    es: str | None = None
    pt: str | None = None
    en: str | None = None


def _texts(value: TranslatedTextInput | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {code: text for code, text in (("ES", value.es), ("PT", value.pt), ("EN", value.en))
            if text}


@strawberry.input
class ExpertInput:
    kind: ExpertKindEnum | None = None  # type: ignore[valid-type]
    display_name: str | None = None
    bio: TranslatedTextInput | None = None
    background: TranslatedTextInput | None = None
    tags: list[str] | None = None
    languages: list[str] | None = None
    legal_systems: list[str] | None = None
    time_zone: str | None = None
    capacity: int | None = None
    vendor_id: strawberry.ID | None = strawberry.field(
        default=None, description="The firm (vendor) the expert works for; create only.")


def _data(inp: ExpertInput) -> profiles.ProfileData:
    return profiles.ProfileData(
        kind=inp.kind.value if inp.kind else None, display_name=inp.display_name,
        bio=_texts(inp.bio), background=_texts(inp.background), tags=inp.tags,
        languages=inp.languages, legal_systems=inp.legal_systems, time_zone=inp.time_zone,
        capacity=inp.capacity,
        vendor_id=decode_id(inp.vendor_id, "Vendor", field="vendorId") if inp.vendor_id
        else None)


@strawberry.input
class WeeklyWindowInput:
    weekday: int
    start: str
    end: str


@strawberry.input
class TimeWindowInput:
    start: str
    end: str


@strawberry.input
class DateExceptionInput:
    date: date
    windows: list[TimeWindowInput] = strawberry.field(
        default_factory=list, description="Open windows that day; none = day off.")


@strawberry.input
class MatchNeedsInput:
    expertise: list[str] = strawberry.field(default_factory=list)
    languages: list[str] = strawberry.field(default_factory=list)
    country: CountryCode | None = None  # type: ignore[valid-type]
    kind: ExpertKindEnum | None = None  # type: ignore[valid-type]
    available_within_days: int = 14


@strawberry.type
class ExpertPayload:
    expert: ExpertType | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


@strawberry.type
class ExpertiseTagPayload:
    tag: ExpertiseTag | None = None
    errors: list[MentoringError] = strawberry.field(default_factory=list)


@strawberry.type(description="A value of a score reason: ``name`` as in ``ScorePart.reason``.")
class ReasonValue:
    name: str
    value: str


@strawberry.type(description="One criterion of a match score.")
class ScorePart:
    criterion: str
    points: float
    max_points: int
    detail: str = strawberry.field(description="The reason in English (see ``reason``).")
    reason: str = strawberry.field(description=(
        "The reason as a code, for a client to word in its own language with ``values``: "
        "TOPICS (matched, needed, topics: tag codes), SPEAKS / SPEAKS_NONE (languages: "
        "the requested ones the expert speaks, or all they speak when none was requested), "
        "COVERS / COVERS_NONE (systems: country codes), FREE_HOURS (hours, days), "
        "PLACES_FREE (free, capacity), RATED (average, ratings), NOT_RATED."))
    values: list[ReasonValue] = strawberry.field(description=(
        "The reason's values (numbers as digits, lists as comma-separated codes)."))


@strawberry.type(description="An expert ranked for a mentee's needs, with the reasons.")
class ExpertMatch:
    expert: ExpertType
    score: float
    has_capacity: bool
    load: int = strawberry.field(description="Active mentees plus upcoming bookings.")
    breakdown: list[ScorePart]

    @classmethod
    def of(cls, match: Match) -> ExpertMatch:
        return cls(expert=ExpertType.of(match.expert), score=match.score,
                   has_capacity=match.has_capacity, load=match.load,
                   breakdown=[ScorePart(criterion=p.criterion, points=p.points,
                                        max_points=p.max_points, detail=p.detail,
                                        reason=p.reason,
                                        values=[ReasonValue(name=n, value=v)
                                                for n, v in p.values])
                              for p in match.parts])


def _expert_payload(expert: Expert | None, exc: ValidationError | None) -> ExpertPayload:
    return ExpertPayload(expert=ExpertType.of(expert) if expert else None, errors=errors_of(exc))


@strawberry.type
class ExpertQuery:
    @strawberry.field(description="Verified experts (operators: all), optionally of one "
                                  "kind or with one tag (max 100).")
    async def experts(self, info: Info, kind: ExpertKindEnum | None = None,  # type: ignore[valid-type]
                      tag: str | None = None, first: int = 50) -> list[ExpertType]:
        viewer = await viewer_of(info)
        wanted = kind.value if kind else None  # type: ignore[attr-defined]
        async with info.context.runtime.db.read() as session:
            rows = await expert_list.listed(session, viewer, wanted, tag, first)
        return [ExpertType.of(e) for e in rows]

    @strawberry.field(description="One expert (an unverified one: itself, its firm and "
                                  "operators only).")
    async def expert(self, info: Info, id: strawberry.ID) -> ExpertType | None:
        viewer = await viewer_of(info)
        async with info.context.runtime.db.read() as session:
            found = await session.get(Expert, decode_id(id, "Expert"))
        return ExpertType.of(found) if found and expert_list.may_see(viewer, found) else None

    @strawberry.field(description="The managed taxonomy of expertise tags.")
    async def expertise_tags(self, info: Info) -> list[ExpertiseTag]:
        async with info.context.runtime.db.read() as session:
            return [ExpertiseTag.of(t) for t in await session.scalars(select(Tag)
                                                                      .order_by(Tag.code))]

    @strawberry.field(description="Free slots of an expert in [from, to), shown in "
                                  "``timeZone`` (an IANA name; the expert's plan is kept in "
                                  "theirs).")
    async def expert_slots(self, info: Info, expert_id: strawberry.ID,
                           from_: Annotated[datetime, strawberry.argument(name="from")],
                           to: datetime, time_zone: str, duration_minutes: int = 60
                           ) -> list[ExpertSlot]:
        if not profiles.valid_zone(time_zone):
            raise ValidationError("timeZone", "INVALID_TIME_ZONE", "An IANA time zone.")
        zone = ZoneInfo(time_zone)
        slots = await availability.expert_slots(
            info.context.runtime, decode_id(expert_id, "Expert", field="expertId"), from_, to,
            duration_minutes, utcnow())
        return [ExpertSlot(starts_at=s.astimezone(zone), ends_at=e.astimezone(zone))
                for s, e in slots]

    @strawberry.field(description="Experts ranked for these needs, each with an explained "
                                  "score; experts without capacity come last, ties rotate.")
    async def expert_matches(self, info: Info, needs: MatchNeedsInput, first: int = 10
                             ) -> list[ExpertMatch]:
        found = await match_query.expert_matches(info.context.runtime, Needs(
            expertise=needs.expertise, languages=needs.languages,
            country=needs.country.value if needs.country else None,
            kind=needs.kind.value if needs.kind else None,
            available_within_days=needs.available_within_days), first, utcnow())
        return [ExpertMatch.of(m) for m in found]


@strawberry.type
class ExpertMutation:
    @strawberry.mutation(description="Add a tag to the expertise taxonomy (operators).")
    async def expertise_tag_create(self, info: Info, code: str,
                                   label: TranslatedTextInput) -> ExpertiseTagPayload:
        viewer = await viewer_of(info)
        tag, exc = await attempt(lambda: profiles.create_tag(
            info.context.runtime, viewer, code, _texts(label) or {}))
        return ExpertiseTagPayload(tag=ExpertiseTag.of(tag) if tag else None,
                                   errors=errors_of(exc))

    @strawberry.mutation(description="Create your expert profile (operators: for ``userId``).")
    async def expert_create(self, info: Info, input: ExpertInput,
                            user_id: strawberry.ID | None = None) -> ExpertPayload:
        viewer = await viewer_of(info)
        expert, exc = await attempt(lambda: profiles.create_expert(
            info.context.runtime, viewer, _data(input),
            decode_id(user_id, "User", field="userId") if user_id else None))
        return _expert_payload(expert, exc)

    @strawberry.mutation(description="Edit an expert profile; omitted fields stay.")
    async def expert_update(self, info: Info, id: strawberry.ID, input: ExpertInput
                            ) -> ExpertPayload:
        viewer = await viewer_of(info)
        expert, exc = await attempt(lambda: profiles.update_expert(
            info.context.runtime, viewer, decode_id(id, "Expert"), _data(input)))
        return _expert_payload(expert, exc)

    @strawberry.mutation(description="Mark an expert verified or not (operators only).")
    async def expert_verify(self, info: Info, id: strawberry.ID, verified: bool
                            ) -> ExpertPayload:
        viewer = await viewer_of(info)
        expert, exc = await attempt(lambda: profiles.verify_expert(
            info.context.runtime, viewer, decode_id(id, "Expert"), verified))
        return _expert_payload(expert, exc)

    @strawberry.mutation(description="Replace an expert's weekly plan and dated exceptions "
                                     "(times in the expert's time zone).")
    async def expert_availability_set(
            self, info: Info, expert_id: strawberry.ID, weekly_plan: list[WeeklyWindowInput],
            exceptions: list[DateExceptionInput] | None = None, buffer_minutes: int = 0,
            min_notice_minutes: int = 0) -> ExpertPayload:
        viewer = await viewer_of(info)
        expert, exc = await attempt(lambda: availability.set_availability(
            info.context.runtime, viewer, decode_id(expert_id, "Expert", field="expertId"),
            [availability.WeeklyRule(w.weekday, w.start, w.end) for w in weekly_plan],
            [availability.DateException(e.date, [availability.Window(w.start, w.end)
                                                 for w in e.windows])
             for e in exceptions or []], buffer_minutes, min_notice_minutes))
        return _expert_payload(expert, exc)

