"""``Vendor.courseStats``: per-course figures for the vendor's staff and operators."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import select

from engine.plugins.api import Info, VendorType, can_manage_vendor, encode_id
from plugins.elearning.analytics import CourseStats, course_stats
from plugins.elearning.models import Course
from plugins.elearning.outline import module_titles


@strawberry.type(name="CourseModuleFunnel")
class FunnelType:
    module_id: strawberry.ID
    title: str
    learners_completed: int


@strawberry.type(name="CourseQuizScore")
class QuizScoreType:
    lesson_id: strawberry.ID
    title: str
    average_score: float | None
    attempts: int


@strawberry.type(name="LearnerAtRisk")
class AtRiskType:
    enrolment_id: strawberry.ID
    user_id: strawberry.ID
    step: str = strawberry.field(description="The highest rung reached: NUDGE, MENTOR or "
                                             "COORDINATOR.")


@strawberry.type(name="CourseStats")
class CourseStatsType:
    product_id: strawberry.ID
    enrolments: int
    starts: int
    completions: int
    funnel: list[FunnelType]
    quiz_scores: list[QuizScoreType]
    at_risk: list[AtRiskType]

    @classmethod
    def of(cls, s: CourseStats) -> CourseStatsType:
        return cls(
            product_id=encode_id("Product", s.course.product_id), enrolments=s.enrolments,
            starts=s.starts, completions=s.completions,
            funnel=[FunnelType(module_id=encode_id("CourseModule", f.module_id), title=f.title,
                               learners_completed=f.learners_completed) for f in s.funnel],
            quiz_scores=[QuizScoreType(lesson_id=encode_id("Lesson", q.lesson_id),
                                       title=q.title, average_score=q.average_score,
                                       attempts=q.attempts) for q in s.quizzes],
            at_risk=[AtRiskType(enrolment_id=encode_id("Enrolment", a.enrolment_id),
                                user_id=encode_id("User", a.user_id), step=a.step)
                     for a in s.at_risk])


async def vendor_course_stats(root: VendorType, info: Info) -> list[CourseStatsType] | None:
    """Per course: enrolments, starts, completions, module funnel, quiz scores, learners at
    risk (the vendor's staff and operators only; null for anyone else)."""
    if not await can_manage_vendor(info, root.model.id):
        return None
    async with info.context.runtime.db.read() as session:
        courses = list(await session.scalars(select(Course).where(
            Course.vendor_id == root.model.id).order_by(Course.id)))
        return [CourseStatsType.of(await course_stats(
            session, course, await module_titles(session, course.id, None)))
            for course in courses]


def vendor_fields() -> list[Any]:
    return [strawberry.field(resolver=vendor_course_stats, name="courseStats",
                             description=vendor_course_stats.__doc__)]
