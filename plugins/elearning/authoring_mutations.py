"""Vendor-staff mutations: course facts, modules, lessons and translations.

Only the staff of the product's vendor (or an operator) may change a course: checked with
``can_manage_vendor`` before any write.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry

from engine.plugins.api import (
    Info,
    NotAuthenticated,
    PermissionDenied,
    ValidationError,
    attempt,
    can_manage_vendor,
    decode_id,
    utcnow,
)
from plugins.elearning import authoring
from plugins.elearning.access import Access
from plugins.elearning.authoring_inputs import CourseInputType, LessonInputType, ModuleInputType
from plugins.elearning.core_reads import product_facts
from plugins.elearning.errors import CourseError, course_errors
from plugins.elearning.models import Course, CourseModule, Lesson
from plugins.elearning.outline import outline
from plugins.elearning.types import CourseModuleType, CourseType, LessonType

T = TypeVar("T")


@strawberry.type
class CoursePayload:
    course: CourseType | None = None
    errors: list[CourseError] = strawberry.field(default_factory=list)


@strawberry.type
class CourseModulePayload:
    module: CourseModuleType | None = None
    errors: list[CourseError] = strawberry.field(default_factory=list)


@strawberry.type
class LessonPayload:
    lesson: LessonType | None = None
    errors: list[CourseError] = strawberry.field(default_factory=list)


async def _guard(info: Info, vendor_id: int) -> None:
    if await info.context.user() is None:
        raise NotAuthenticated()
    if not await can_manage_vendor(info, vendor_id):
        raise PermissionDenied("Only the course vendor's staff may change this course.")


async def _course_vendor(info: Info, course_id: int) -> int:
    async with info.context.runtime.db.read() as session:
        course = await session.get(Course, course_id)
    if course is None:
        raise ValidationError("id", "NOT_FOUND", "No such course.")
    return course.vendor_id


async def _staff_view(info: Info, course_id: int, *, module_id: int | None = None,
                      lesson_id: int | None = None) -> CourseModuleType | LessonType | None:
    async with info.context.runtime.db.read() as session:
        views = await outline(session, course_id, None, Access.STAFF, None, utcnow())
    for view in views:
        if view.module.id == module_id:
            return CourseModuleType.of(view, Access.STAFF)
        for lesson in view.lessons:
            if lesson.lesson.id == lesson_id:
                return LessonType.of(lesson, Access.STAFF)
    return None


async def run_op(op: Callable[[], Awaitable[T]]) -> tuple[T | None, list[CourseError]]:
    result, exc = await attempt(op)
    return result, course_errors(exc)


async def module_course(info: Info, module_id: int) -> int:
    async with info.context.runtime.db.read() as session:
        module = await session.get(CourseModule, module_id)
    if module is None:
        raise ValidationError("id", "NOT_FOUND", "No such module.")
    await _guard(info, await _course_vendor(info, module.course_id))
    return module.course_id


async def lesson_course(info: Info, lesson_id: int) -> int:
    async with info.context.runtime.db.read() as session:
        lesson = await session.get(Lesson, lesson_id)
    if lesson is None:
        raise ValidationError("id", "NOT_FOUND", "No such lesson.")
    await _guard(info, await _course_vendor(info, lesson.course_id))
    return lesson.course_id


@strawberry.type
class AuthoringMutation:
    @strawberry.mutation(description="Create or update the course facts of a COURSE product "
                                     "(its vendor's staff).")
    async def course_save(self, info: Info, product_id: strawberry.ID,
                          input: CourseInputType) -> CoursePayload:
        async def op() -> Course:
            pk = decode_id(product_id, "Product", field="productId")
            runtime = info.context.runtime
            async with runtime.db.read() as session:
                product = await product_facts(session, pk)
            if product is None:
                raise ValidationError("productId", "NOT_FOUND", "No such product.")
            await _guard(info, product.vendor_id)
            data = input.to_data()
            async with runtime.transaction() as session:
                return await authoring.save_course(session, product, data)

        course, errors = await run_op(op)
        return CoursePayload(course=CourseType.of(course, None) if course else None,
                             errors=errors)

    @strawberry.mutation(description="Add a module to a course (its vendor's staff).")
    async def course_module_create(self, info: Info, course_id: strawberry.ID,
                                   input: ModuleInputType) -> CourseModulePayload:
        async def op() -> CourseModule:
            pk = decode_id(course_id, "Course", field="courseId")
            await _guard(info, await _course_vendor(info, pk))
            authoring.check_module_title(input.title, True)
            async with info.context.runtime.transaction() as session:
                module = CourseModule(course_id=pk, title=(input.title or "").strip(),
                                      position=input.position or 0)
                session.add(module)
                await session.flush()
                return module

        module, errors = await run_op(op)
        view = await _staff_view(info, module.course_id, module_id=module.id) if module else None
        return CourseModulePayload(module=view if isinstance(view, CourseModuleType) else None,
                                   errors=errors)

    @strawberry.mutation(description="Rename or move a module; omitted fields stay.")
    async def course_module_update(self, info: Info, id: strawberry.ID,
                                   input: ModuleInputType) -> CourseModulePayload:
        async def op() -> CourseModule:
            pk = decode_id(id, "CourseModule")
            await module_course(info, pk)
            authoring.check_module_title(input.title, False)
            async with info.context.runtime.transaction() as session:
                module, _ = await authoring.course_of_module(session, pk)
                if input.title is not None:
                    module.title = input.title.strip()
                if input.position is not None:
                    module.position = input.position
                return module

        module, errors = await run_op(op)
        view = await _staff_view(info, module.course_id, module_id=module.id) if module else None
        return CourseModulePayload(module=view if isinstance(view, CourseModuleType) else None,
                                   errors=errors)

    @strawberry.mutation(description="Delete a module and its lessons.")
    async def course_module_delete(self, info: Info, id: strawberry.ID) -> CourseModulePayload:
        async def op() -> None:
            pk = decode_id(id, "CourseModule")
            await module_course(info, pk)
            async with info.context.runtime.transaction() as session:
                module, _ = await authoring.course_of_module(session, pk)
                await session.delete(module)

        _, errors = await run_op(op)
        return CourseModulePayload(errors=errors)

    @strawberry.mutation(description="Add a lesson to a module (its vendor's staff).")
    async def lesson_create(self, info: Info, module_id: strawberry.ID,
                            input: LessonInputType) -> LessonPayload:
        async def op() -> Lesson:
            pk = decode_id(module_id, "CourseModule", field="moduleId")
            course_pk = await module_course(info, pk)
            data = input.to_data()
            async with info.context.runtime.transaction() as session:
                lesson = Lesson(module_id=pk, course_id=course_pk, body="", is_preview=False,
                                drip_days=0, pass_score=70, max_attempts=3, position=0)
                return await authoring.save_lesson(session, lesson, data, creating=True)

        lesson, errors = await run_op(op)
        view = await _staff_view(info, lesson.course_id, lesson_id=lesson.id) if lesson else None
        return LessonPayload(lesson=view if isinstance(view, LessonType) else None,
                             errors=errors)

    @strawberry.mutation(description="Edit a lesson; omitted fields stay.")
    async def lesson_update(self, info: Info, id: strawberry.ID, input: LessonInputType,
                            remove_quiz: bool = False) -> LessonPayload:
        async def op() -> Lesson:
            pk = decode_id(id, "Lesson")
            await lesson_course(info, pk)
            data = input.to_data()
            if remove_quiz:
                data.clear.add("quiz")
            async with info.context.runtime.transaction() as session:
                lesson, _ = await authoring.course_of_lesson(session, pk)
                return await authoring.save_lesson(session, lesson, data, creating=False)

        lesson, errors = await run_op(op)
        view = await _staff_view(info, lesson.course_id, lesson_id=lesson.id) if lesson else None
        return LessonPayload(lesson=view if isinstance(view, LessonType) else None,
                             errors=errors)

    @strawberry.mutation(description="Delete a lesson.")
    async def lesson_delete(self, info: Info, id: strawberry.ID) -> LessonPayload:
        async def op() -> None:
            pk = decode_id(id, "Lesson")
            await lesson_course(info, pk)
            async with info.context.runtime.transaction() as session:
                lesson, _ = await authoring.course_of_lesson(session, pk)
                await session.delete(lesson)

        _, errors = await run_op(op)
        return LessonPayload(errors=errors)
