"""``ruta_demo_journeys``: the programme's demo hands each participant's walk along the
funnel to every plugin, which records the steps it owns (e-learning enrolments and
completions, mentoring sessions and funding). A third-party plugin gets the same list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from engine import hookimpl
from engine.accounts.models import User
from engine.demo.seed import seed
from engine.plugins.api import DemoJourney, Runtime
from engine.plugins.contributions import JOURNEY_KINDS


class Recorder:
    def __init__(self) -> None:
        self.journeys: list[DemoJourney] = []

    @hookimpl
    async def ruta_demo_journeys(self, runtime: Runtime,
                                 journeys: Sequence[DemoJourney]) -> None:
        self.journeys.extend(journeys)


async def test_the_demo_hands_each_participants_journey_to_every_plugin(
        plugged: Any) -> None:
    recorder = Recorder()
    async with plugged(recorder) as client:
        assert await seed(client.runtime)
        journeys = recorder.journeys
        assert len(journeys) >= 20
        assert len({j.user_id for j in journeys}) == len(journeys)  # one walk per person
        async with client.runtime.db.read() as session:
            known = await session.scalar(select(func.count()).select_from(User).where(
                User.id.in_([j.user_id for j in journeys])))
        assert known == len(journeys)
        now = datetime.now(UTC)
        for journey in journeys:
            assert set(journey.steps) <= set(JOURNEY_KINDS) and journey.steps
            assert journey.start.tzinfo is not None and journey.start < now
            # a funnel: a later step never comes without the one before it
            if "COURSE_COMPLETED" in journey.steps:
                assert "ENROLLED" in journey.steps
            if "FUNDING_GRANTED" in journey.steps:
                assert "FUNDING_REQUESTED" in journey.steps
        depths = {len(j.steps) for j in journeys}
        assert len(depths) >= 3  # people stop at different stages
