"""Authoring rules: course facts, modules, lessons, quizzes and translations.

Every function validates everything first (collecting field errors) and raises a
``ValidationError`` before touching the session, so a refused input writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Collector, NotFound, clean_text
from plugins.elearning import quiz_translations
from plugins.elearning.core_reads import ProductFacts
from plugins.elearning.models import Course, CourseModule, Lesson, Translation

DELIVERY_MODES = ("SELF_PACED_RECORDED", "LIVE_ONLINE", "IN_PERSON")
LEVELS = ("BEGINNER", "INTERMEDIATE", "ADVANCED")
COMPLETION_RULES = ("ALL_LESSONS", "ALL_LESSONS_AND_QUIZZES")
MAX_TITLE, MAX_BODY, MAX_URL, MAX_QUESTIONS, MAX_OPTIONS = 200, 100_000, 500, 50, 10


@dataclass
class CourseInput:
    delivery_mode: str | None = None
    languages: list[str] | None = None
    level: str | None = None
    duration_minutes: int | None = None
    topics: list[str] | None = None
    completion_rule: str | None = None
    prerequisite_product_id: int | None = None
    certificate_valid_days: int | None = None


@dataclass
class LessonInput:
    title: str | None = None
    body: str | None = None
    video_url: str | None = None
    resource_url: str | None = None
    is_preview: bool | None = None
    drip_days: int | None = None
    prerequisite_lesson_id: int | None = None
    quiz: dict[str, Any] | None = None
    pass_score: int | None = None
    max_attempts: int | None = None
    position: int | None = None
    clear: set[str] = field(default_factory=set)


def _check_url(errors: Collector, name: str, value: str | None) -> str | None:
    if value is None:
        return None
    url = clean_text(value, field=name, max_length=MAX_URL, errors=errors)
    if url is not None and (not url.startswith("https://") or " " in url):
        errors.add(name, "INVALID", f"{name} must be an https:// URL of at most {MAX_URL} "
                                    "characters.")
    return url


def _check_title(errors: Collector, name: str, value: str | None, required: bool
                 ) -> str | None:
    if value is None:
        if required:
            errors.add(name, "REQUIRED", "A title is required.")
        return None
    return clean_text(value, field=name, max_length=MAX_TITLE, errors=errors)


def _check_body(errors: Collector, value: str | None) -> str | None:
    if value is None:
        return None
    return clean_text(value, field="body", max_length=MAX_BODY, required=False, multiline=True,
                      errors=errors)


async def save_course(session: AsyncSession, product: ProductFacts, data: CourseInput
                      ) -> Course:
    """Create or update the course facts of ``product`` (which must be a COURSE)."""
    errors = Collector()
    if product.kind != "COURSE":
        errors.add("productId", "NOT_A_COURSE", "Only products of kind COURSE are courses.")
    course = await session.scalar(select(Course).where(Course.product_id == product.id))
    if course is None and data.delivery_mode is None:
        errors.add("deliveryMode", "REQUIRED", "Choose a delivery mode.")
    if data.delivery_mode is not None and data.delivery_mode not in DELIVERY_MODES:
        errors.add("deliveryMode", "INVALID", "Unknown delivery mode.")
    if data.level is not None and data.level not in LEVELS:
        errors.add("level", "INVALID", "Unknown level.")
    if data.completion_rule is not None and data.completion_rule not in COMPLETION_RULES:
        errors.add("completionRule", "INVALID", "Unknown completion rule.")
    if data.duration_minutes is not None and not 0 <= data.duration_minutes <= 100_000:
        errors.add("durationMinutes", "INVALID", "Between 0 and 100000 minutes.")
    if data.certificate_valid_days is not None and not 0 < data.certificate_valid_days <= 36500:
        errors.add("certificateValidDays", "INVALID", "Between 1 and 36500 days.")
    if data.topics is not None and len(data.topics) > 20:
        errors.add("topics", "INVALID", "At most 20 topics of 1 to 40 characters.")
    elif data.topics is not None:
        data.topics = [clean_text(t, field=f"topics.{i}", max_length=40, errors=errors) or ""
                       for i, t in enumerate(data.topics)]
    if data.prerequisite_product_id is not None:
        if data.prerequisite_product_id == product.id:
            errors.add("prerequisiteCourseId", "INVALID", "A course cannot require itself.")
        elif await session.scalar(select(Course.id).where(
                Course.product_id == data.prerequisite_product_id)) is None:
            errors.add("prerequisiteCourseId", "NOT_FOUND", "The prerequisite is not a course.")
    errors.raise_if_any()
    if course is None:
        course = Course(product_id=product.id, vendor_id=product.vendor_id, languages=[],
                        topics=[], level="BEGINNER", duration_minutes=0,
                        completion_rule="ALL_LESSONS_AND_QUIZZES")
        session.add(course)
    for name, value in vars(data).items():
        if value is not None:
            setattr(course, name, sorted(set(value)) if name == "languages" else value)
    await session.flush()
    return course


async def course_of_module(session: AsyncSession, module_id: int) -> tuple[CourseModule, Course]:
    module = await session.get(CourseModule, module_id)
    course = await session.get(Course, module.course_id) if module else None
    if module is None or course is None:
        raise NotFound("id", "No such module.")
    return module, course


async def course_of_lesson(session: AsyncSession, lesson_id: int) -> tuple[Lesson, Course]:
    lesson = await session.get(Lesson, lesson_id)
    course = await session.get(Course, lesson.course_id) if lesson else None
    if lesson is None or course is None:
        raise NotFound("id", "No such lesson.")
    return lesson, course


def clean_quiz(errors: Collector, quiz: dict[str, Any] | None) -> None:
    if quiz is None:
        return
    questions = quiz.get("questions", [])
    if not 0 < len(questions) <= MAX_QUESTIONS:
        errors.add("quiz", "INVALID", f"A quiz has 1 to {MAX_QUESTIONS} questions.")
    for index, question in enumerate(questions):
        options, correct = question["options"], question["correct"]
        if not 2 <= len(options) <= MAX_OPTIONS:
            errors.add(f"quiz.questions.{index}.options", "INVALID",
                       f"A question has 2 to {MAX_OPTIONS} options.")
        if not correct or any(not 0 <= i < len(options) for i in correct):
            errors.add(f"quiz.questions.{index}.correct", "INVALID",
                       "Name at least one correct option by its index.")
        question["text"] = clean_text(question["text"], field=f"quiz.questions.{index}.text",
                                      max_length=MAX_BODY // 10, multiline=True,
                                      errors=errors) or ""
        question["options"] = [clean_text(
            option, field=f"quiz.questions.{index}.options.{i}", max_length=MAX_TITLE,
            errors=errors) or "" for i, option in enumerate(options[:MAX_OPTIONS])]


async def save_lesson(session: AsyncSession, lesson: Lesson, data: LessonInput,
                      *, creating: bool) -> Lesson:
    errors = Collector()
    data.title = _check_title(errors, "title", data.title, creating)
    data.body = _check_body(errors, data.body)
    data.video_url = _check_url(errors, "videoUrl", data.video_url)
    data.resource_url = _check_url(errors, "resourceUrl", data.resource_url)
    if data.drip_days is not None and not 0 <= data.drip_days <= 3650:
        errors.add("dripDays", "INVALID", "Between 0 and 3650 days.")
    if data.pass_score is not None and not 0 <= data.pass_score <= 100:
        errors.add("passScore", "INVALID", "A percentage between 0 and 100.")
    if data.max_attempts is not None and not 1 <= data.max_attempts <= 100:
        errors.add("maxAttempts", "INVALID", "Between 1 and 100 attempts.")
    clean_quiz(errors, data.quiz)
    if data.prerequisite_lesson_id is not None:
        other = await session.get(Lesson, data.prerequisite_lesson_id)
        if other is None or other.course_id != lesson.course_id or other.id == lesson.id:
            errors.add("prerequisiteLessonId", "INVALID",
                       "The prerequisite must be another lesson of the same course.")
    errors.raise_if_any()
    for name, value in vars(data).items():
        if name != "clear" and value is not None:
            setattr(lesson, name, value)
    for name in data.clear:
        setattr(lesson, name, None)
    if creating:
        session.add(lesson)
    await session.flush()
    return lesson


async def set_translation(session: AsyncSession, owner: str, owner_id: int,
                          language_code: str, title: str, body: str | None,
                          quiz: list[tuple[str, list[str]]] | None = None) -> Translation:
    """Set the title (and body, and quiz texts when given) in ``language_code``; an omitted
    quiz keeps the stored quiz translation."""
    errors = Collector()
    title = _check_title(errors, "title", title, True) or ""
    body = _check_body(errors, body)
    if owner == "MODULE" and body:
        errors.add("body", "INVALID", "Modules have no body.")
    quiz_texts = None
    if quiz is not None:
        lesson = await session.get(Lesson, owner_id) if owner == "LESSON" else None
        quiz_texts = quiz_translations.clean(errors, lesson.quiz if lesson else None, quiz)
    errors.raise_if_any()
    row = await session.scalar(select(Translation).where(
        Translation.owner == owner, Translation.owner_id == owner_id,
        Translation.language_code == language_code))
    if row is None:
        row = Translation(owner=owner, owner_id=owner_id, language_code=language_code)
        session.add(row)
    row.title, row.body = title, body or ""
    if quiz_texts is not None:
        row.quiz = quiz_texts
    await session.flush()
    return row


def check_module_title(title: str | None, required: bool) -> None:
    errors = Collector()
    _check_title(errors, "title", title, required)
    errors.raise_if_any()

