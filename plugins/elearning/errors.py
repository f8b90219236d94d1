"""The plugin's payload error type (``CourseError`` with a ``CourseErrorCode``)."""

from __future__ import annotations

import strawberry

from engine.plugins.api import ValidationError, error_code_enum, payload_errors

CourseErrorCode = strawberry.enum(
    error_code_enum("CourseErrorCode", (
        "NOT_A_COURSE", "NOT_FREE", "PREREQUISITE_NOT_MET", "NOT_ENROLLED", "LESSON_LOCKED",
        "QUIZ_NOT_PASSED", "NO_QUIZ", "NO_ATTEMPTS_LEFT")),
    description="Why a course mutation was refused.")


@strawberry.type
class CourseError:
    field: str | None
    code: CourseErrorCode  # type: ignore[valid-type]
    message: str


def course_errors(exc: ValidationError | None) -> list[CourseError]:
    return payload_errors(exc, CourseError, CourseErrorCode) if exc else []
