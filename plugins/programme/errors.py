"""The programme payload error type and its ``ProgrammeErrorCode`` enum."""

from __future__ import annotations

import strawberry

from engine.plugins.api import ValidationError, error_code_enum, payload_errors

ProgrammeErrorCode = strawberry.enum(
    error_code_enum("ProgrammeErrorCode", (
        "ALREADY_CANCELLED", "ALREADY_STAFF", "UNKNOWN_POSTAL_CODE", "NO_CONSENT",
        "FILE_TOO_LARGE", "UNSUPPORTED_FILE_TYPE", "IMAGE_TOO_LARGE", "PAYMENT_REQUIRED",
        "CANCEL_THROUGH_ORDER", "NOT_STARTED")),
    description="Why a programme mutation was refused.")


@strawberry.type
class ProgrammeError:
    field: str | None
    code: ProgrammeErrorCode  # type: ignore[valid-type]
    message: str


def errors_of(exc: ValidationError | None) -> list[ProgrammeError]:
    return payload_errors(exc, ProgrammeError, ProgrammeErrorCode) if exc else []
