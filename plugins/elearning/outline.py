"""Reading a course's curriculum in one language, for one viewer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from plugins.elearning import quiz_translations
from plugins.elearning.access import Access, Availability, availability
from plugins.elearning.models import CourseModule, Enrolment, Lesson, Translation
from plugins.elearning.progress import completed_ids

FALLBACK = "EN"


@dataclass(frozen=True)
class LessonView:
    lesson: Lesson
    title: str
    body: str
    state: Availability
    completed: bool
    #: the lesson's quiz in the viewer's language (correct answers are the lesson's)
    quiz: dict[str, Any] | None


@dataclass(frozen=True)
class ModuleView:
    module: CourseModule
    title: str
    lessons: list[LessonView]


def _pick(rows: dict[tuple[str, int, str], Translation], owner: str, owner_id: int,
          language: str | None) -> Translation | None:
    for code in dict.fromkeys([language, FALLBACK]):
        if code is not None and (owner, owner_id, code) in rows:
            return rows[(owner, owner_id, code)]
    return None


async def module_titles(session: AsyncSession, course_id: int, language: str | None
                        ) -> dict[int, str]:
    modules = list(await session.scalars(select(CourseModule).where(
        CourseModule.course_id == course_id)))
    translations = await _translations(session, [("MODULE", m.id) for m in modules])
    return {m.id: (found.title if (found := _pick(translations, "MODULE", m.id, language))
                   else m.title) for m in modules}


async def _translations(session: AsyncSession, owners: list[tuple[str, int]]
                        ) -> dict[tuple[str, int, str], Translation]:
    out: dict[tuple[str, int, str], Translation] = {}
    for owner in ("MODULE", "LESSON"):
        ids = [owner_id for kind, owner_id in owners if kind == owner]
        if ids:
            for row in await session.scalars(select(Translation).where(
                    Translation.owner == owner, Translation.owner_id.in_(ids))):
                out[(row.owner, row.owner_id, row.language_code)] = row
    return out


@dataclass(frozen=True)
class Curriculum:
    """A course's modules and lessons (in order) with every translation of them."""

    modules: list[CourseModule]
    lessons: list[Lesson]
    translations: dict[tuple[str, int, str], Translation]


async def curricula(session: AsyncSession, course_ids: Sequence[int]) -> dict[int, Curriculum]:
    """The curricula of many courses in four statements, whatever their number."""
    modules = list(await session.scalars(
        select(CourseModule).where(CourseModule.course_id.in_(course_ids))
        .order_by(CourseModule.position, CourseModule.id)))
    lessons = list(await session.scalars(
        select(Lesson).join(CourseModule, CourseModule.id == Lesson.module_id)
        .where(Lesson.course_id.in_(course_ids))
        .order_by(CourseModule.position, CourseModule.id, Lesson.position, Lesson.id)))
    translations = await _translations(
        session, [("MODULE", m.id) for m in modules] + [("LESSON", x.id) for x in lessons])
    return {course_id: Curriculum([m for m in modules if m.course_id == course_id],
                                  [x for x in lessons if x.course_id == course_id],
                                  translations)
            for course_id in course_ids}


def views_of(curriculum: Curriculum, language: str | None, access: Access,
             enrolment: Enrolment | None, done: set[int], now: datetime) -> list[ModuleView]:
    """What ``access`` lets the viewer see of the curriculum, in ``language``."""
    translations = curriculum.translations
    views = []
    for module in curriculum.modules:
        found = _pick(translations, "MODULE", module.id, language)
        items = []
        for lesson in (x for x in curriculum.lessons if x.module_id == module.id):
            text = _pick(translations, "LESSON", lesson.id, language)
            items.append(LessonView(
                lesson, text.title if text else lesson.title,
                text.body if text and text.body else lesson.body,
                availability(lesson, access, enrolment, done, now), lesson.id in done,
                quiz_translations.translated(lesson.quiz, text.quiz if text else None)))
        views.append(ModuleView(module, found.title if found else module.title, items))
    return views


async def outline(session: AsyncSession, course_id: int, language: str | None,
                  access: Access, enrolment: Enrolment | None, now: datetime
                  ) -> list[ModuleView]:
    curriculum = (await curricula(session, [course_id]))[course_id]
    done = await completed_ids(session, enrolment.id) if enrolment is not None else set()
    return views_of(curriculum, language, access, enrolment, done, now)
