"""Per-request DataLoaders: one statement (or a fixed few) per batch, on the request's
read session."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from engine.plugins.api import Runtime
from plugins.elearning.models import Certificate, Course, Enrolment, LessonCompletion
from plugins.elearning.outline import Curriculum, curricula

COURSES = "elearning.course_by_product"
ENROLMENTS = "elearning.enrolment_by_course_user"
CERTIFICATES = "elearning.certificate_by_enrolment"
CURRICULA = "elearning.curriculum_by_course"
COMPLETIONS = "elearning.completions_by_enrolment"


def curriculum_by_course(runtime: Runtime) -> DataLoader[int, Curriculum]:
    async def load(keys: Sequence[int]) -> list[Curriculum]:
        async with runtime.db.read() as session:
            found = await curricula(session, keys)
        return [found[key] for key in keys]

    return DataLoader(load_fn=load)


def completions_by_enrolment(runtime: Runtime) -> DataLoader[int, set[int]]:
    async def load(keys: Sequence[int]) -> list[set[int]]:
        done: dict[int, set[int]] = {key: set() for key in keys}
        async with runtime.db.read() as session:
            for enrolment_id, lesson_id in await session.execute(
                    select(LessonCompletion.enrolment_id, LessonCompletion.lesson_id)
                    .where(LessonCompletion.enrolment_id.in_(keys))):
                done[enrolment_id].add(lesson_id)
        return [done[key] for key in keys]

    return DataLoader(load_fn=load)


def course_by_product(runtime: Runtime) -> DataLoader[int, Course | None]:
    async def load(keys: Sequence[int]) -> list[Course | None]:
        async with runtime.db.read() as session:
            rows = await session.scalars(select(Course).where(Course.product_id.in_(keys)))
            found = {course.product_id: course for course in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def enrolment_by_course_user(runtime: Runtime
                             ) -> DataLoader[tuple[int, int], Enrolment | None]:
    async def load(keys: Sequence[tuple[int, int]]) -> list[Enrolment | None]:
        users = {user_id for _, user_id in keys}
        async with runtime.db.read() as session:
            rows = await session.scalars(select(Enrolment).where(
                Enrolment.user_id.in_(users),
                Enrolment.course_id.in_({course_id for course_id, _ in keys})))
            found = {(e.course_id, e.user_id): e for e in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def certificate_by_enrolment(runtime: Runtime) -> DataLoader[int, Certificate | None]:
    async def load(keys: Sequence[int]) -> list[Certificate | None]:
        async with runtime.db.read() as session:
            rows = await session.scalars(select(Certificate).where(
                Certificate.enrolment_id.in_(keys)))
            found = {c.enrolment_id: c for c in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)
