"""Learning progress: completing lessons, grading quizzes on the server, the completion
rule, progress percentage and resume point. Completing a course issues its certificate and
records ``ruta_course_completed`` in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Runtime, ValidationError, record_event
from plugins.elearning.access import Access, availability
from plugins.elearning.certificates import issue
from plugins.elearning.core_reads import product_facts, user_emails, user_names
from plugins.elearning.models import (
    Course,
    CourseModule,
    Enrolment,
    Lesson,
    LessonCompletion,
    QuizAttempt,
)


@dataclass(frozen=True)
class Progress:
    total_lessons: int
    completed_lessons: int
    percentage: int
    resume_lesson_id: int | None
    completed_ids: frozenset[int]


async def ordered_lessons(session: AsyncSession, course_id: int) -> list[Lesson]:
    rows = await session.scalars(
        select(Lesson).join(CourseModule, CourseModule.id == Lesson.module_id)
        .where(Lesson.course_id == course_id)
        .order_by(CourseModule.position, CourseModule.id, Lesson.position, Lesson.id))
    return list(rows)


async def completed_ids(session: AsyncSession, enrolment_id: int) -> set[int]:
    rows = await session.scalars(select(LessonCompletion.lesson_id).where(
        LessonCompletion.enrolment_id == enrolment_id))
    return set(rows)


def summarise(lessons: list[Lesson], done: set[int]) -> Progress:
    total = len(lessons)
    finished = sum(1 for lesson in lessons if lesson.id in done)
    resume = next((lesson.id for lesson in lessons if lesson.id not in done), None)
    return Progress(total, finished, (100 * finished) // total if total else 0, resume,
                    frozenset(done))


async def progress_of(session: AsyncSession, enrolment: Enrolment) -> Progress:
    return summarise(await ordered_lessons(session, enrolment.course_id),
                     await completed_ids(session, enrolment.id))


async def _open_lesson(session: AsyncSession, user_id: int, lesson_id: int, now: datetime
                       ) -> tuple[Lesson, Enrolment, Course]:
    lesson = await session.get(Lesson, lesson_id)
    if lesson is None:
        raise ValidationError("lessonId", "NOT_FOUND", "No such lesson.")
    enrolment = await session.scalar(select(Enrolment).where(
        Enrolment.course_id == lesson.course_id, Enrolment.user_id == user_id,
        Enrolment.status.in_(("ACTIVE", "COMPLETED"))))
    course = await session.get(Course, lesson.course_id)
    if enrolment is None or course is None:
        raise ValidationError("lessonId", "NOT_ENROLLED", "Enrol in the course first.")
    state = availability(lesson, Access.LEARNER, enrolment,
                         await completed_ids(session, enrolment.id), now)
    if not state.open:
        raise ValidationError("lessonId", "LESSON_LOCKED",
                              "This lesson is not open yet." if state.reason == "DRIP"
                              else "Complete the prerequisite lesson first.")
    return lesson, enrolment, course


async def _mark_done(session: AsyncSession, enrolment: Enrolment, lesson_id: int,
                     now: datetime) -> None:
    exists = await session.scalar(select(LessonCompletion.id).where(
        LessonCompletion.enrolment_id == enrolment.id, LessonCompletion.lesson_id == lesson_id))
    if exists is None:
        session.add(LessonCompletion(enrolment_id=enrolment.id, lesson_id=lesson_id,
                                     completed_at=now))
        await session.flush()


async def quiz_passed(session: AsyncSession, enrolment_id: int, lesson_id: int) -> bool:
    found = await session.scalar(select(QuizAttempt.id).where(
        QuizAttempt.enrolment_id == enrolment_id, QuizAttempt.lesson_id == lesson_id,
        QuizAttempt.passed.is_(True)).limit(1))
    return found is not None


async def _finish_if_complete(session: AsyncSession, runtime: Runtime, enrolment: Enrolment,
                              course: Course, now: datetime) -> Progress:
    progress = await progress_of(session, enrolment)
    if enrolment.status != "ACTIVE" or progress.total_lessons == 0 or \
            progress.completed_lessons < progress.total_lessons:
        return progress
    enrolment.status, enrolment.completed_at = "COMPLETED", now
    product = await product_facts(session, course.product_id)
    email = (await user_emails(session, [enrolment.user_id]))[enrolment.user_id]
    name = (await user_names(session, [enrolment.user_id]))[enrolment.user_id]
    certificate = await issue(session, runtime, enrolment, course,
                              product.name if product else "Course", email, now, name)
    await record_event(session, runtime.plugins, "ruta_certificate_issued",
                       user_id=enrolment.user_id, product_id=course.product_id,
                       certificate_id=certificate.id, credential_id=certificate.credential_id)
    await record_event(session, runtime.plugins, "ruta_course_completed",
                       user_id=enrolment.user_id, product_id=course.product_id,
                       topics=list(course.topics))
    return progress


async def complete_lesson(session: AsyncSession, runtime: Runtime, user_id: int,
                          lesson_id: int, now: datetime) -> tuple[Enrolment, Progress]:
    lesson, enrolment, course = await _open_lesson(session, user_id, lesson_id, now)
    if lesson.quiz and course.completion_rule == "ALL_LESSONS_AND_QUIZZES" and \
            not await quiz_passed(session, enrolment.id, lesson.id):
        raise ValidationError("lessonId", "QUIZ_NOT_PASSED", "Pass this lesson's quiz first.")
    await _mark_done(session, enrolment, lesson.id, now)
    enrolment.last_activity_at = now
    return enrolment, await _finish_if_complete(session, runtime, enrolment, course, now)


def grade(quiz: dict[str, Any], answers: list[list[int]]) -> int:
    """Percentage of questions answered exactly (the chosen set equals the correct set)."""
    questions = quiz["questions"]
    right = sum(1 for index, question in enumerate(questions)
                if index < len(answers) and set(answers[index]) == set(question["correct"]))
    return (100 * right) // len(questions)


@dataclass(frozen=True)
class QuizResult:
    score: int
    passed: bool
    attempts_used: int
    attempts_left: int


async def submit_quiz(session: AsyncSession, runtime: Runtime, user_id: int, lesson_id: int,
                      answers: list[list[int]], now: datetime
                      ) -> tuple[QuizResult, Enrolment, Progress]:
    lesson, enrolment, course = await _open_lesson(session, user_id, lesson_id, now)
    if not lesson.quiz:
        raise ValidationError("lessonId", "NO_QUIZ", "This lesson has no quiz.")
    if len(answers) != len(lesson.quiz["questions"]):
        raise ValidationError("answers", "INVALID", "Answer every question (an empty list "
                                                    "for none).")
    used = int(await session.scalar(select(func.count()).where(
        QuizAttempt.enrolment_id == enrolment.id, QuizAttempt.lesson_id == lesson.id)) or 0)
    if used >= lesson.max_attempts:
        raise ValidationError("lessonId", "NO_ATTEMPTS_LEFT",
                              f"All {lesson.max_attempts} attempts are used.")
    score = grade(lesson.quiz, answers)
    passed = score >= lesson.pass_score
    session.add(QuizAttempt(enrolment_id=enrolment.id, lesson_id=lesson.id, score=score,
                            passed=passed, answers=answers, created_at=now))
    enrolment.last_activity_at = now
    await session.flush()
    if passed:
        await _mark_done(session, enrolment, lesson.id, now)
    progress = await _finish_if_complete(session, runtime, enrolment, course, now)
    return (QuizResult(score, passed, used + 1, lesson.max_attempts - used - 1), enrolment,
            progress)
