"""GraphQL inputs of the authoring mutations, and their translation to service inputs."""

from __future__ import annotations

from typing import Any

import strawberry

from engine.plugins.api import LanguageCodeEnum, decode_id
from plugins.elearning.authoring import CourseInput, LessonInput
from plugins.elearning.types import CompletionRule, DeliveryMode, Level


@strawberry.input(name="CourseInput")
class CourseInputType:
    delivery_mode: DeliveryMode | None = None
    languages: list[LanguageCodeEnum] | None = None  # type: ignore[valid-type]
    level: Level | None = None
    duration_minutes: int | None = None
    topics: list[str] | None = None
    completion_rule: CompletionRule | None = None
    prerequisite_course_id: strawberry.ID | None = strawberry.field(
        default=None, description="The product ID of a course to complete first.")
    certificate_valid_days: int | None = None

    def to_data(self) -> CourseInput:
        return CourseInput(
            delivery_mode=self.delivery_mode.value if self.delivery_mode else None,
            languages=[code.value for code in self.languages] if self.languages else None,
            level=self.level.value if self.level else None,
            duration_minutes=self.duration_minutes,
            topics=[t.strip() for t in self.topics] if self.topics is not None else None,
            completion_rule=self.completion_rule.value if self.completion_rule else None,
            prerequisite_product_id=decode_id(self.prerequisite_course_id, "Product",
                                              field="prerequisiteCourseId")
            if self.prerequisite_course_id else None,
            certificate_valid_days=self.certificate_valid_days)


@strawberry.input(name="CourseModuleInput")
class ModuleInputType:
    title: str | None = None
    position: int | None = None


@strawberry.input(name="QuizQuestionInput")
class QuizQuestionInput:
    text: str
    options: list[str]
    correct: list[int] = strawberry.field(description="Indexes of the correct options.")


@strawberry.input(name="QuizInput")
class QuizInput:
    questions: list[QuizQuestionInput]


@strawberry.input(name="LessonInput")
class LessonInputType:
    title: str | None = None
    body: str | None = None
    video_url: str | None = None
    resource_url: str | None = None
    is_preview: bool | None = None
    drip_days: int | None = strawberry.field(
        default=None, description="Released this many days after enrolment.")
    prerequisite_lesson_id: strawberry.ID | None = None
    quiz: QuizInput | None = None
    pass_score: int | None = None
    max_attempts: int | None = None
    position: int | None = None

    def to_data(self) -> LessonInput:
        quiz: dict[str, Any] | None = None
        if self.quiz is not None:
            quiz = {"questions": [{"text": q.text, "options": list(q.options),
                                   "correct": sorted(set(q.correct))}
                                  for q in self.quiz.questions]}
        return LessonInput(
            title=self.title, body=self.body, video_url=self.video_url,
            resource_url=self.resource_url, is_preview=self.is_preview,
            drip_days=self.drip_days,
            prerequisite_lesson_id=decode_id(self.prerequisite_lesson_id, "Lesson",
                                             field="prerequisiteLessonId")
            if self.prerequisite_lesson_id else None,
            quiz=quiz, pass_score=self.pass_score, max_attempts=self.max_attempts,
            position=self.position)
