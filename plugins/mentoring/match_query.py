"""``expertMatches``: load the candidates, their busy times and load, then rank."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import func, select

from engine.plugins.api import Collector, Runtime
from plugins.mentoring.enums import LANGUAGES, BookingStatus, ExpertKind, SessionStatus
from plugins.mentoring.expert_list import publicly_visible
from plugins.mentoring.matching import Match, Needs, explain, rank
from plugins.mentoring.models import Booking, Expert, Session
from plugins.mentoring.relationship_models import Mentorship
from plugins.mentoring.slots import Interval

MAX_RESULTS = 50


def _check(needs: Needs, first: int) -> None:
    errors = Collector()
    if needs.kind is not None and needs.kind not in ExpertKind.__members__:
        errors.add("kind", "INVALID", "Unknown expert kind.")
    if set(needs.languages) - set(LANGUAGES):
        errors.add("languages", "INVALID", "Languages: ES, PT, EN.")
    if not 1 <= needs.available_within_days <= 60:
        errors.add("availableWithinDays", "INVALID", "Between 1 and 60 days.")
    if not 1 <= first <= MAX_RESULTS:
        errors.add("first", "INVALID", f"Between 1 and {MAX_RESULTS}.")
    errors.raise_if_any()


async def expert_matches(runtime: Runtime, needs: Needs, first: int, now: datetime
                         ) -> list[Match]:
    _check(needs, first)
    horizon = now + timedelta(days=needs.available_within_days)
    async with runtime.db.read() as session:
        query = select(Expert).where(publicly_visible())
        if needs.kind is not None:
            query = query.where(Expert.kind == needs.kind)
        experts = list(await session.scalars(query.order_by(Expert.id)))
        busy: dict[int, list[Interval]] = defaultdict(list)
        for row in await session.execute(
                select(Session.expert_id, Session.starts_at, Session.ends_at).where(
                    Session.status == SessionStatus.SCHEDULED, Session.ends_at > now,
                    Session.starts_at < horizon)):
            busy[row.expert_id].append((row.starts_at, row.ends_at))
        upcoming: dict[int, int] = {row[0]: row[1] for row in await session.execute(
            select(Session.expert_id, func.count(Booking.id))
            .join(Booking, Booking.session_id == Session.id)
            .where(Booking.status == BookingStatus.CONFIRMED, Session.starts_at > now)
            .group_by(Session.expert_id))}
        turn = await session.scalar(select(func.count(Mentorship.id))) or 0
    matches = [explain(e, needs, busy[e.id], e.active_mentees + upcoming.get(e.id, 0), now)
               for e in experts]
    return rank(matches, turn)[:first]
