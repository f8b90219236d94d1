"""Learner mutations (``courseEnroll``, ``lessonComplete``, ``quizSubmit``) and the
operators' ``certificateRevoke``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from sqlalchemy import select

from engine.plugins.api import (
    Info,
    NotAuthenticated,
    PermissionDenied,
    ValidationError,
    attempt,
    clean_text,
    decode_id,
    utcnow,
)
from plugins.elearning.certificates import revoke
from plugins.elearning.enrolment import enrol_free
from plugins.elearning.errors import CourseError, course_errors
from plugins.elearning.learning_types import CertificateType, EnrolmentType
from plugins.elearning.models import Certificate, Course, Enrolment
from plugins.elearning.progress import Progress, progress_of, submit_quiz
from plugins.elearning.progress import complete_lesson as complete

Result = tuple[Enrolment, Course, Progress]


@strawberry.type
class EnrolmentPayload:
    enrolment: EnrolmentType | None = None
    errors: list[CourseError] = strawberry.field(default_factory=list)


@strawberry.type(name="QuizResult")
class QuizResultType:
    score: int
    passed: bool
    attempts_used: int
    attempts_left: int


@strawberry.type
class QuizSubmitPayload:
    result: QuizResultType | None = None
    enrolment: EnrolmentType | None = None
    errors: list[CourseError] = strawberry.field(default_factory=list)


@strawberry.type
class CertificatePayload:
    certificate: CertificateType | None = None
    errors: list[CourseError] = strawberry.field(default_factory=list)


async def _user_id(info: Info) -> int:
    user = await info.context.user()
    if user is None:
        raise NotAuthenticated()
    return user.id


async def _enrolment_payload(op: Callable[[], Awaitable[Result]]) -> EnrolmentPayload:
    result, exc = await attempt(op)
    if result is None:
        return EnrolmentPayload(errors=course_errors(exc))
    enrolment, course, progress = result
    return EnrolmentPayload(enrolment=EnrolmentType.of(enrolment, course, progress, None))


@strawberry.type
class LearningMutation:
    @strawberry.mutation(description="Enrol yourself in a free course (paid courses are "
                                     "bought through checkout).")
    async def course_enroll(self, info: Info, product_id: strawberry.ID) -> EnrolmentPayload:
        user_id = await _user_id(info)

        async def op() -> Result:
            pk = decode_id(product_id, "Product", field="productId")
            async with info.context.runtime.transaction() as session:
                course = await session.scalar(select(Course).where(Course.product_id == pk))
                if course is None:
                    raise ValidationError("productId", "NOT_A_COURSE", "No such course.")
                enrolment = await enrol_free(info.context.runtime, session, course, user_id,
                                             utcnow())
                return enrolment, course, await progress_of(session, enrolment)

        return await _enrolment_payload(op)

    @strawberry.mutation(description="Mark an open lesson as completed.")
    async def lesson_complete(self, info: Info, lesson_id: strawberry.ID) -> EnrolmentPayload:
        user_id = await _user_id(info)

        async def op() -> Result:
            pk = decode_id(lesson_id, "Lesson", field="lessonId")
            runtime = info.context.runtime
            async with runtime.transaction() as session:
                enrolment, progress = await complete(session, runtime, user_id, pk, utcnow())
                course = await session.get(Course, enrolment.course_id)
                assert course is not None
                return enrolment, course, progress

        return await _enrolment_payload(op)

    @strawberry.mutation(description="Answer a lesson's quiz: graded on the server. "
                                     "`answers[i]` lists the chosen option indexes of "
                                     "question i.")
    async def quiz_submit(self, info: Info, lesson_id: strawberry.ID,
                          answers: list[list[int]]) -> QuizSubmitPayload:
        user_id = await _user_id(info)
        runtime = info.context.runtime

        async def op() -> QuizSubmitPayload:
            pk = decode_id(lesson_id, "Lesson", field="lessonId")
            async with runtime.transaction() as session:
                result, enrolment, progress = await submit_quiz(
                    session, runtime, user_id, pk, answers, utcnow())
                course = await session.get(Course, enrolment.course_id)
                assert course is not None
            return QuizSubmitPayload(
                result=QuizResultType(score=result.score, passed=result.passed,
                                      attempts_used=result.attempts_used,
                                      attempts_left=result.attempts_left),
                enrolment=EnrolmentType.of(enrolment, course, progress, None))

        payload, exc = await attempt(op)
        return payload or QuizSubmitPayload(errors=course_errors(exc))

    @strawberry.mutation(description="Revoke a certificate (operators): verification then "
                                     "fails with reason REVOKED.")
    async def certificate_revoke(self, info: Info, credential_id: str,
                                 reason: str) -> CertificatePayload:
        user = await info.context.user()
        if user is None:
            raise NotAuthenticated()
        if not user.is_operator:
            raise PermissionDenied("Only operators may revoke certificates.")

        async def op() -> Certificate:
            cleaned = clean_text(reason, field="reason", max_length=200) or ""
            if len(credential_id) > 200:
                raise ValidationError("credentialId", "NOT_FOUND", "No such certificate.")
            async with info.context.runtime.transaction() as session:
                found = await session.scalar(select(Certificate).where(
                    Certificate.credential_id == credential_id))
                if found is None:
                    raise ValidationError("credentialId", "NOT_FOUND", "No such certificate.")
                return await revoke(session, found, cleaned, utcnow())

        certificate, exc = await attempt(op)
        return CertificatePayload(
            certificate=CertificateType.of(certificate) if certificate else None,
            errors=course_errors(exc))
