"""Drop-out rescue: signals per enrolment and the escalation ladder.

An inactivity streak starts at the learner's last activity (or enrolment). After 3 days a
``NUDGE``, after 7 ``MENTOR`` (only when the learner shares progress with someone, asked
through the ``ruta_progress_shared_with`` query hook), after 14 ``COORDINATOR``. Each rung
is stored once per streak (unique ``(enrolment, step, anchor)``) in the same transaction as
its ``ruta_learner_at_risk`` event, so a second worker or a second run records nothing.
New activity moves the anchor: the old streak's remaining rungs never fire.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Runtime, gather_hook, record_event
from plugins.elearning.models import Enrolment, QuizAttempt, RescueStep
from plugins.elearning.progress import completed_ids, ordered_lessons

log = logging.getLogger(__name__)

LADDER = (("NUDGE", 3), ("MENTOR", 7), ("COORDINATOR", 14))
BATCH = 500


def anchor_of(enrolment: Enrolment) -> datetime:
    return enrolment.last_activity_at or enrolment.enrolled_at


async def signals_of(session: AsyncSession, enrolment: Enrolment, now: datetime) -> list[str]:
    """The evidence: INACTIVE (3+ days), NEVER_STARTED, STALLED_MODULE, FAILED_QUIZ."""
    found = []
    if now - anchor_of(enrolment) >= timedelta(days=3):
        found.append("INACTIVE")
    done = await completed_ids(session, enrolment.id)
    attempts = list(await session.execute(
        select(QuizAttempt.lesson_id, QuizAttempt.passed)
        .where(QuizAttempt.enrolment_id == enrolment.id)))
    if not done and not attempts:
        found.append("NEVER_STARTED")
    by_module: dict[int, list[bool]] = {}
    for lesson in await ordered_lessons(session, enrolment.course_id):
        by_module.setdefault(lesson.module_id, []).append(lesson.id in done)
    if any(any(flags) and not all(flags) for flags in by_module.values()):
        found.append("STALLED_MODULE")
    passed = {lesson_id for lesson_id, ok in attempts if ok}
    if any(not ok and lesson_id not in passed for lesson_id, ok in attempts):
        found.append("FAILED_QUIZ")
    return found


async def consented(runtime: Runtime, learner_id: int) -> bool:
    shared = await gather_hook(runtime.plugins.hook.ruta_progress_shared_with,
                               runtime=runtime, learner_id=learner_id)
    return any(list(ids) for ids in shared)


async def _fire(runtime: Runtime, enrolment_id: int, anchor: datetime, step: str,
                now: datetime) -> bool:
    """Record one rung unless the learner moved on or another worker recorded it."""
    try:
        async with runtime.transaction() as session:
            enrolment = await session.get(Enrolment, enrolment_id)
            if enrolment is None or enrolment.status != "ACTIVE" or \
                    anchor_of(enrolment) != anchor:
                return False
            signals = await signals_of(session, enrolment, now)
            session.add(RescueStep(enrolment_id=enrolment.id, step=step, anchor=anchor,
                                   signals=signals, created_at=now))
            await session.flush()
            await record_event(session, runtime.plugins, "ruta_learner_at_risk",
                               user_id=enrolment.user_id, product_id=enrolment.product_id,
                               step=step, signals=signals)
        return True
    except IntegrityError:
        return False


async def _stale_page(runtime: Runtime, now: datetime, after_id: int
                      ) -> tuple[list[Enrolment], set[tuple[int, str, datetime]]]:
    earliest = now - timedelta(days=LADDER[0][1])
    async with runtime.db.read() as session:
        page = list(await session.scalars(
            select(Enrolment).where(
                Enrolment.id > after_id, Enrolment.status == "ACTIVE",
                func.coalesce(Enrolment.last_activity_at, Enrolment.enrolled_at) <= earliest)
            .order_by(Enrolment.id).limit(BATCH)))
        fired_rows = await session.execute(
            select(RescueStep.enrolment_id, RescueStep.step, RescueStep.anchor)
            .where(RescueStep.enrolment_id.in_([e.id for e in page])))
        return page, {(row.enrolment_id, row.step, row.anchor) for row in fired_rows}


async def run_ladder(runtime: Runtime, now: datetime) -> int:
    """Fire every rung that is due; returns how many were recorded by this call."""
    recorded, after_id = 0, 0
    while True:
        page, fired = await _stale_page(runtime, now, after_id)
        for enrolment in page:
            anchor = anchor_of(enrolment)
            for step, days in LADDER:
                if now - anchor < timedelta(days=days) or (enrolment.id, step, anchor) in fired:
                    continue
                if step == "MENTOR" and not await consented(runtime, enrolment.user_id):
                    continue
                recorded += await _fire(runtime, enrolment.id, anchor, step, now)
        if len(page) < BATCH:
            return recorded
        after_id = page[-1].id


async def at_risk_steps(session: AsyncSession, enrolment_ids: list[int]) -> dict[int, str]:
    """The highest rung of each enrolment's current streak (for the vendor's dashboard)."""
    rows = await session.execute(
        select(RescueStep.enrolment_id, RescueStep.step, RescueStep.anchor, Enrolment)
        .join(Enrolment, Enrolment.id == RescueStep.enrolment_id)
        .where(RescueStep.enrolment_id.in_(enrolment_ids), Enrolment.status == "ACTIVE"))
    order = {step: index for index, (step, _) in enumerate(LADDER)}
    best: dict[int, str] = {}
    for enrolment_id, step, anchor, enrolment in rows:
        if anchor != anchor_of(enrolment):
            continue
        if enrolment_id not in best or order[step] > order[best[enrolment_id]]:
            best[enrolment_id] = step
    return best
