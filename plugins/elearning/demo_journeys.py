"""``ruta_demo_journeys`` for e-learning: demo participants enrolled in a free course
(``ENROLLED``) and, some, through every lesson of it (``COURSE_COMPLETED``). Demo only:
the rows are written as the learner's own steps would leave them, without messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from engine.plugins.api import DemoJourney, Runtime
from plugins.elearning.core_reads import cheapest_price
from plugins.elearning.models import Course, Enrolment, Lesson, LessonCompletion

#: Days from a journey's start to its enrolment, and from the enrolment to the completion.
ENROL_AFTER = timedelta(days=7)
COMPLETE_AFTER = timedelta(days=21)


async def walk(runtime: Runtime, journeys: Sequence[DemoJourney]) -> int:
    """Enrol (and complete) each journey's person in a free course in their language, or
    the first free course; returns how many enrolments were made."""
    wanted = [j for j in journeys if "ENROLLED" in j.steps]
    if not wanted:
        return 0
    async with runtime.transaction() as session:
        free = []
        for course in await session.scalars(select(Course).order_by(Course.id)):
            price = await cheapest_price(session, course.product_id)
            if price is not None and Decimal(price) == 0:
                free.append(course)
        if not free:
            return 0
        lessons = {c.id: list(await session.scalars(
            select(Lesson.id).where(Lesson.course_id == c.id).order_by(Lesson.id)))
            for c in free}
        for journey in wanted:
            course = next((c for c in free if journey.language in c.languages), free[0])
            enrolled = journey.start + ENROL_AFTER
            enrolment = Enrolment(course_id=course.id, product_id=course.product_id,
                                  user_id=journey.user_id, status="ACTIVE",
                                  enrolled_at=enrolled, last_activity_at=enrolled)
            session.add(enrolment)
            if "COURSE_COMPLETED" in journey.steps:
                done = enrolled + COMPLETE_AFTER
                enrolment.status, enrolment.completed_at = "COMPLETED", done
                enrolment.last_activity_at = done
                await session.flush()
                session.add_all(LessonCompletion(enrolment_id=enrolment.id, lesson_id=lesson,
                                                 completed_at=done)
                                for lesson in lessons[course.id])
    return len(wanted)
