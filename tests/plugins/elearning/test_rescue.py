"""Drop-out rescue: with the clock moved forward the ladder fires NUDGE at day 3, MENTOR at
day 7 (only with the learner's consent, asked through ``ruta_progress_shared_with``) and
COORDINATOR at day 14, each once even when the worker runs twice, and stops after new
activity. Each step is a ``ruta_learner_at_risk`` event through the outbox."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from engine.plugins.api import decode_id, hookimpl
from plugins.elearning import hooks
from plugins.elearning.models import Enrolment
from plugins.elearning.progress import complete_lesson
from plugins.elearning.rescue import run_ladder
from tests.client import Client
from tests.plugins.elearning.test_enrolment import drain
from tests.plugins.elearning.test_progress import enrolled


class AtRisk:
    def __init__(self) -> None:
        self.steps: list[tuple[str, list[str]]] = []

    @hookimpl
    def ruta_learner_at_risk(self, user_id: int, product_id: int, step: str,
                             signals: list[str]) -> None:
        self.steps.append((step, signals))


class Consent:
    """Stands in for the mentoring plugin: the learner shares progress with user 999."""

    @hookimpl
    async def ruta_progress_shared_with(self, learner_id: int) -> Sequence[int]:
        return [999]


async def enrolled_at(client: Client) -> datetime:
    async with client.runtime.db.read() as session:
        enrolment = await session.scalar(select(Enrolment))
        assert enrolment is not None
        return enrolment.enrolled_at


async def ladder(client: Client, at: datetime, log: AtRisk) -> list[str]:
    """Run the ladder twice (two workers), deliver the events, return the new steps."""
    before = len(log.steps)
    await run_ladder(client.runtime, at)
    await run_ladder(client.runtime, at)
    await drain(client)
    return [step for step, _ in log.steps[before:]]


async def test_the_ladder_fires_at_days_3_7_and_14_once_each(plugged: Any) -> None:
    log = AtRisk()
    async with plugged(log, Consent()) as client:
        await enrolled(client)
        start = await enrolled_at(client)
        assert await ladder(client, start + timedelta(days=2, hours=23), log) == []
        assert await ladder(client, start + timedelta(days=3), log) == ["NUDGE"]
        assert await ladder(client, start + timedelta(days=5), log) == []
        assert await ladder(client, start + timedelta(days=7), log) == ["MENTOR"]
        assert await ladder(client, start + timedelta(days=13), log) == []
        assert await ladder(client, start + timedelta(days=14), log) == ["COORDINATOR"]
        assert await ladder(client, start + timedelta(days=30), log) == []
        assert log.steps[0][1] == ["INACTIVE", "NEVER_STARTED"]


async def test_no_mentor_without_consent(plugged: Any) -> None:
    log = AtRisk()
    async with plugged(log) as client:
        await enrolled(client)
        start = await enrolled_at(client)
        assert await ladder(client, start + timedelta(days=3), log) == ["NUDGE"]
        assert await ladder(client, start + timedelta(days=7), log) == []
        assert await ladder(client, start + timedelta(days=14), log) == ["COORDINATOR"]


async def test_activity_stops_the_ladder_and_a_new_streak_starts_over(plugged: Any) -> None:
    log = AtRisk()
    async with plugged(log, Consent()) as client:
        a, _ = await enrolled(client)
        start = await enrolled_at(client)
        assert await ladder(client, start + timedelta(days=3), log) == ["NUDGE"]
        active = start + timedelta(days=5)  # the learner completes a lesson on day 5
        async with client.runtime.transaction() as session:
            enrolment = await session.scalar(select(Enrolment))
            assert enrolment is not None
            await complete_lesson(session, client.runtime, enrolment.user_id,
                                  decode_id(a.lessons["preview"], "Lesson"), active)
        # the old streak would have reached MENTOR at day 7: the learner came back
        assert await ladder(client, start + timedelta(days=7), log) == []
        assert await ladder(client, active + timedelta(days=3), log) == ["NUDGE"]
        assert log.steps[-1][1] == ["INACTIVE", "STALLED_MODULE"]


async def test_the_worker_tick_runs_the_ladder(plugged: Any) -> None:
    log = AtRisk()
    async with plugged(log) as client:
        await enrolled(client)
        start = await enrolled_at(client)
        await hooks.ruta_tick(client.runtime, start + timedelta(days=3))
        await hooks.ruta_tick(client.runtime, start + timedelta(days=3, seconds=5))
        await drain(client)
        assert [step for step, _ in log.steps] == ["NUDGE"]
