"""``courseTranslationSet``: a module's or lesson's title, a lesson's body and its quiz's
questions and options in one language (the course vendor's staff)."""

from __future__ import annotations

import strawberry
from sqlalchemy import select

from engine.plugins.api import Info, LanguageCodeEnum, ValidationError, decode_id
from plugins.elearning import authoring
from plugins.elearning.authoring_mutations import (
    CoursePayload,
    lesson_course,
    module_course,
    run_op,
)
from plugins.elearning.models import Course
from plugins.elearning.types import CourseType


@strawberry.input(name="QuizQuestionTranslationInput")
class QuizQuestionTranslationInput:
    text: str
    options: list[str] = strawberry.field(description="Every option, in the quiz's order.")


@strawberry.input(name="QuizTranslationInput")
class QuizTranslationInput:
    questions: list[QuizQuestionTranslationInput] = strawberry.field(
        description="Every question, in the quiz's order (the correct answers stay the "
                    "lesson's).")


@strawberry.type
class TranslationMutation:
    @strawberry.mutation(description="Set a module's or lesson's title (and a lesson's body "
                                     "and quiz texts) in one language; an omitted quiz keeps "
                                     "its stored translation.")
    async def course_translation_set(
        self, info: Info, id: strawberry.ID,
        language_code: LanguageCodeEnum,  # type: ignore[valid-type]
        title: str, body: str | None = None, quiz: QuizTranslationInput | None = None,
    ) -> CoursePayload:
        async def op() -> Course:
            try:
                owner, pk = "LESSON", decode_id(id, "Lesson")
                course_pk = await lesson_course(info, pk)
            except ValidationError:
                owner, pk = "MODULE", decode_id(id, "CourseModule")
                course_pk = await module_course(info, pk)
            texts = [(q.text, list(q.options)) for q in quiz.questions] if quiz else None
            async with info.context.runtime.transaction() as session:
                await authoring.set_translation(session, owner, pk, language_code.value,
                                                title.strip(), body, texts)
                course = await session.scalar(select(Course).where(Course.id == course_pk))
                assert course is not None
                return course

        course, errors = await run_op(op)
        return CoursePayload(course=CourseType.of(course, None) if course else None,
                             errors=errors)
