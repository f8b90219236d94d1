"""GraphQL types of courses. Lesson content (body, video URL, resource URL, quiz questions,
correct answers) is copied into a ``Lesson`` object only when ``access.py`` lets the viewer
read it: a hidden field is ``null`` because the value never reaches the object."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from engine.plugins.api import Info, can_manage_vendor, encode_id, utcnow
from plugins.elearning.access import Access, access_of
from plugins.elearning.loaders import (
    COMPLETIONS,
    CURRICULA,
    ENROLMENTS,
    completions_by_enrolment,
    curriculum_by_course,
    enrolment_by_course_user,
)
from plugins.elearning.models import Course, Enrolment
from plugins.elearning.outline import LessonView, ModuleView, views_of


@strawberry.enum(name="CourseDeliveryMode")
class DeliveryMode(enum.StrEnum):
    SELF_PACED_RECORDED = "SELF_PACED_RECORDED"
    LIVE_ONLINE = "LIVE_ONLINE"
    IN_PERSON = "IN_PERSON"


@strawberry.enum(name="CourseLevel")
class Level(enum.StrEnum):
    BEGINNER = "BEGINNER"
    INTERMEDIATE = "INTERMEDIATE"
    ADVANCED = "ADVANCED"


@strawberry.enum(name="CourseCompletionRule")
class CompletionRule(enum.StrEnum):
    ALL_LESSONS = "ALL_LESSONS"
    ALL_LESSONS_AND_QUIZZES = "ALL_LESSONS_AND_QUIZZES"


@strawberry.type(name="QuizOption")
class QuizOptionType:
    index: int
    text: str
    is_correct: bool | None = strawberry.field(
        description="Whether this option is correct (the vendor's staff and operators only).")


@strawberry.type(name="QuizQuestion")
class QuizQuestionType:
    text: str
    options: list[QuizOptionType]


@strawberry.type(name="Quiz")
class QuizType:
    pass_score: int
    max_attempts: int
    question_count: int
    questions: list[QuizQuestionType] | None = strawberry.field(
        description="The questions (enrolled learners and staff; null otherwise).")


@strawberry.type(name="Lesson")
class LessonType:
    id: strawberry.ID
    title: str
    position: int
    is_preview: bool
    drip_days: int
    has_video: bool
    has_resource: bool
    locked: bool = strawberry.field(description="True when the viewer cannot open it now.")
    locked_reason: str | None = strawberry.field(
        description="NOT_ENROLLED, DRIP (see availableAt) or PREREQUISITE.")
    available_at: datetime | None
    completed: bool = strawberry.field(description="The viewer completed it.")
    prerequisite_lesson_id: strawberry.ID | None
    body: str | None = strawberry.field(description="Text body (null unless open to you).")
    video_url: str | None = strawberry.field(description="Video URL (null unless open).")
    resource_url: str | None = strawberry.field(description="Download (null unless open).")
    quiz: QuizType | None

    @classmethod
    def of(cls, view: LessonView, access: Access) -> LessonType:
        lesson, open_ = view.lesson, view.state.open
        quiz = None
        if view.quiz:
            questions = None
            if open_ and access is not Access.PUBLIC:
                questions = [QuizQuestionType(text=q["text"], options=[
                    QuizOptionType(index=i, text=text, is_correct=(
                        i in q["correct"] if access is Access.STAFF else None))
                    for i, text in enumerate(q["options"])]) for q in view.quiz["questions"]]
            quiz = QuizType(pass_score=lesson.pass_score, max_attempts=lesson.max_attempts,
                            question_count=len(view.quiz["questions"]), questions=questions)
        return cls(
            id=encode_id("Lesson", lesson.id), title=view.title, position=lesson.position,
            is_preview=lesson.is_preview, drip_days=lesson.drip_days,
            has_video=lesson.video_url is not None, has_resource=lesson.resource_url is not None,
            locked=not open_, locked_reason=view.state.reason,
            available_at=view.state.available_at, completed=view.completed,
            prerequisite_lesson_id=encode_id("Lesson", lesson.prerequisite_lesson_id)
            if lesson.prerequisite_lesson_id else None,
            body=view.body if open_ else None,
            video_url=lesson.video_url if open_ else None,
            resource_url=lesson.resource_url if open_ else None, quiz=quiz)


@strawberry.type(name="CourseModule")
class CourseModuleType:
    id: strawberry.ID
    title: str
    position: int
    lessons: list[LessonType]

    @classmethod
    def of(cls, view: ModuleView, access: Access) -> CourseModuleType:
        return cls(id=encode_id("CourseModule", view.module.id), title=view.title,
                   position=view.module.position,
                   lessons=[LessonType.of(lesson, access) for lesson in view.lessons])


async def viewer_enrolment(info: Info, course_id: int) -> Enrolment | None:
    user = await info.context.user()
    if user is None:
        return None
    return await info.context.loader(ENROLMENTS, enrolment_by_course_user).load(
        (course_id, user.id))


async def viewer_access(info: Info, course: Course) -> tuple[Access, Enrolment | None]:
    enrolment = await viewer_enrolment(info, course.id)
    return access_of(await can_manage_vendor(info, course.vendor_id), enrolment), enrolment


@strawberry.type(name="Course", description="Course facts of a product of kind COURSE.")
class CourseType:
    id: strawberry.ID
    product_id: strawberry.ID
    delivery_mode: DeliveryMode
    languages: list[str]
    level: Level
    duration_minutes: int
    topics: list[str]
    completion_rule: CompletionRule
    prerequisite_course_id: strawberry.ID | None = strawberry.field(
        description="The product ID of a course to complete first.")
    certificate_valid_days: int | None
    model: strawberry.Private[Course]
    language: strawberry.Private[str | None]

    @classmethod
    def of(cls, course: Course, language: str | None) -> CourseType:
        return cls(
            id=encode_id("Course", course.id), product_id=encode_id("Product", course.product_id),
            delivery_mode=DeliveryMode(course.delivery_mode), languages=list(course.languages),
            level=Level(course.level), duration_minutes=course.duration_minutes,
            topics=list(course.topics), completion_rule=CompletionRule(course.completion_rule),
            prerequisite_course_id=encode_id("Product", course.prerequisite_product_id)
            if course.prerequisite_product_id else None,
            certificate_valid_days=course.certificate_valid_days, model=course,
            language=language)

    @strawberry.field(description="Modules and lessons: the outline for everyone, lesson "
                                  "content only for enrolled learners (and previews).")
    async def modules(self, info: Info) -> list[CourseModuleType]:
        access, enrolment = await viewer_access(info, self.model)
        curriculum = await info.context.loader(CURRICULA, curriculum_by_course).load(
            self.model.id)
        done = await info.context.loader(COMPLETIONS, completions_by_enrolment).load(
            enrolment.id) if enrolment is not None else set()
        views = views_of(curriculum, self.language, access, enrolment, done, utcnow())
        return [CourseModuleType.of(view, access) for view in views]

    @strawberry.field(description="Whether the signed-in viewer is enrolled (active or "
                                  "completed).")
    async def viewer_is_enrolled(self, info: Info) -> bool:
        access, _ = await viewer_access(info, self.model)
        return access is Access.LEARNER
