"""GraphQL: the signed-in expert's desk (``myExpert``) — their profile, dated exceptions,
offerings and upcoming sessions with seats, waitlist and offered places — for dashboards."""

from __future__ import annotations

from collections import Counter
from datetime import date

import strawberry
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Info, utcnow
from plugins.mentoring.access import expert_of_user, signed_in
from plugins.mentoring.enums import BookingStatus, SessionStatus
from plugins.mentoring.errors import viewer_of
from plugins.mentoring.models import Booking, Expert, Offering, Session
from plugins.mentoring.types import ExpertType, MentoringOffering, MentoringSession


@strawberry.type(description="A time window (HH:MM, the expert's time zone).")
class TimeWindow:
    start: str
    end: str


@strawberry.type(description="A dated exception to the weekly plan; no windows = day off.")
class AvailabilityException:
    date: date
    windows: list[TimeWindow]


@strawberry.type(description="An upcoming session on the expert's calendar.")
class ExpertCalendarEntry:
    session: MentoringSession
    offering_title: str
    confirmed: int
    waitlisted: int = strawberry.field(description="Waiting for a seat.")
    offered: int = strawberry.field(description="Offered a freed paid seat, not bought yet.")


@strawberry.type(description="The signed-in expert's own desk.")
class ExpertDesk:
    expert: ExpertType
    exceptions: list[AvailabilityException]
    offerings: list[MentoringOffering]
    upcoming: list[ExpertCalendarEntry] = strawberry.field(
        description="The next 100 scheduled sessions, soonest first.")


async def _desk(db: AsyncSession, expert: Expert) -> ExpertDesk:
    offerings = list(await db.scalars(
        select(Offering).where(Offering.expert_id == expert.id).order_by(Offering.id)))
    titles = {o.id: o.title for o in offerings}
    rows = list(await db.scalars(select(Session).where(
        Session.expert_id == expert.id, Session.status == SessionStatus.SCHEDULED,
        Session.starts_at > utcnow()).order_by(Session.starts_at).limit(100)))
    counts: Counter[tuple[int, str]] = Counter()
    if rows:
        for session_id, status, n in await db.execute(
                select(Booking.session_id, Booking.status, func.count()).where(
                    Booking.session_id.in_([r.id for r in rows]))
                .group_by(Booking.session_id, Booking.status)):
            counts[(session_id, status)] = n
    return ExpertDesk(
        expert=ExpertType.of(expert),
        exceptions=[AvailabilityException(
            date=date.fromisoformat(e["date"]),
            windows=[TimeWindow(start=w["start"], end=w["end"]) for w in e["windows"]])
            for e in expert.exceptions],
        offerings=[MentoringOffering.of(o) for o in offerings],
        upcoming=[ExpertCalendarEntry(
            session=MentoringSession.of(r), offering_title=titles.get(r.offering_id, ""),
            confirmed=counts[(r.id, BookingStatus.CONFIRMED)],
            waitlisted=counts[(r.id, BookingStatus.WAITLISTED)],
            offered=counts[(r.id, BookingStatus.OFFERED)]) for r in rows])


@strawberry.type
class ExpertDeskQuery:
    @strawberry.field(description="Your expert desk, or null when you have no expert profile.")
    async def my_expert(self, info: Info) -> ExpertDesk | None:
        viewer = signed_in(await viewer_of(info))
        async with info.context.runtime.db.read() as session:
            expert = await expert_of_user(session, viewer.user_id)
            return None if expert is None else await _desk(session, expert)
