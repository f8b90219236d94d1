"""What a course provider sees per course: enrolments, starts, completions, the funnel per
module, average quiz scores and the learners at risk now."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from plugins.elearning.models import Course, Enrolment, LessonCompletion, QuizAttempt
from plugins.elearning.progress import ordered_lessons
from plugins.elearning.rescue import at_risk_steps


@dataclass(frozen=True)
class ModuleFunnel:
    module_id: int
    title: str
    learners_completed: int


@dataclass(frozen=True)
class QuizScore:
    lesson_id: int
    title: str
    average_score: float | None
    attempts: int


@dataclass(frozen=True)
class AtRisk:
    enrolment_id: int
    user_id: int
    step: str


@dataclass(frozen=True)
class CourseStats:
    course: Course
    enrolments: int
    starts: int
    completions: int
    funnel: list[ModuleFunnel]
    quizzes: list[QuizScore]
    at_risk: list[AtRisk]


async def course_stats(session: AsyncSession, course: Course,
                       module_titles: dict[int, str]) -> CourseStats:
    enrolments = list(await session.scalars(select(Enrolment).where(
        Enrolment.course_id == course.id, Enrolment.status != "REVOKED")))
    ids = [e.id for e in enrolments]
    done: dict[int, set[int]] = defaultdict(set)
    for enrolment_id, lesson_id in await session.execute(
            select(LessonCompletion.enrolment_id, LessonCompletion.lesson_id)
            .where(LessonCompletion.enrolment_id.in_(ids))):
        done[enrolment_id].add(lesson_id)
    attempted = set(await session.scalars(select(QuizAttempt.enrolment_id).where(
        QuizAttempt.enrolment_id.in_(ids))))
    lessons = await ordered_lessons(session, course.id)
    by_module: dict[int, set[int]] = {}
    for lesson in lessons:
        by_module.setdefault(lesson.module_id, set()).add(lesson.id)
    funnel = [ModuleFunnel(module_id, module_titles.get(module_id, ""),
                           sum(1 for e in ids if lesson_ids <= done[e]))
              for module_id, lesson_ids in by_module.items()]
    scores = {row.lesson_id: row for row in await session.execute(
        select(QuizAttempt.lesson_id, func.avg(QuizAttempt.score).label("average"),
               func.count().label("attempts"))
        .where(QuizAttempt.enrolment_id.in_(ids)).group_by(QuizAttempt.lesson_id))}
    quizzes = [QuizScore(lesson.id, lesson.title,
                         round(float(scores[lesson.id].average), 1)
                         if lesson.id in scores else None,
                         int(scores[lesson.id].attempts) if lesson.id in scores else 0)
               for lesson in lessons if lesson.quiz]
    risky = await at_risk_steps(session, ids)
    owners = {e.id: e.user_id for e in enrolments}
    return CourseStats(
        course=course, enrolments=len(enrolments),
        starts=sum(1 for e in ids if done[e] or e in attempted),
        completions=sum(1 for e in enrolments if e.status == "COMPLETED"),
        funnel=funnel, quizzes=quizzes,
        at_risk=[AtRisk(e, owners[e], step) for e, step in sorted(risky.items())])
