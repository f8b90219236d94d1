"""The mentoring payload error type and its ``MentoringErrorCode`` enum."""

from __future__ import annotations

import strawberry

from engine.plugins.api import (
    Info,
    ValidationError,
    error_code_enum,
    payload_errors,
    viewer_vendor_id,
)
from plugins.mentoring.access import Viewer

MentoringErrorCode = strawberry.enum(
    error_code_enum("MentoringErrorCode", (
        "INVALID_TIME_ZONE", "UNKNOWN_TAG", "SLOT_TAKEN", "SLOT_UNAVAILABLE", "SLOT_MISMATCH",
        "ALREADY_BOOKED", "ALREADY_CANCELLED", "PAYMENT_REQUIRED", "NOT_RESCHEDULABLE",
        "TOO_LATE", "VOUCHER_USED", "VOUCHER_NOT_APPLICABLE", "NOT_PENDING", "AT_CAPACITY",
        "NOT_ACCEPTED", "NOT_ATTENDED", "INVALID_TRANSITION", "NOT_FUNDING_ADVISOR",
        "NOT_VERIFIED")),
    description="Why a mentoring mutation was refused.")


@strawberry.type
class MentoringError:
    field: str | None
    code: MentoringErrorCode  # type: ignore[valid-type]
    message: str


def errors_of(exc: ValidationError | None) -> list[MentoringError]:
    return payload_errors(exc, MentoringError, MentoringErrorCode) if exc else []


async def viewer_of(info: Info) -> Viewer | None:
    user = await info.context.user()
    if user is None:
        return None
    return Viewer(user_id=user.id, is_operator=user.is_operator,
                  vendor_id=await viewer_vendor_id(info), language=user.language_code)
