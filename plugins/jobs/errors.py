"""The jobs payload error type, its ``JobsErrorCode`` enum and the viewer of a request."""

from __future__ import annotations

import strawberry

from engine.plugins.api import (
    Info,
    StaffOrganisation,
    ValidationError,
    error_code_enum,
    gather_hook,
    payload_errors,
    viewer_vendor_id,
)
from plugins.jobs.access import Viewer

JobsErrorCode = strawberry.enum(
    error_code_enum("JobsErrorCode", (
        "UNKNOWN_SKILL", "VENDOR_NOT_APPROVED", "INVALID_TRANSITION", "SALARY_REQUIRED",
        "CLOSED", "ALREADY_APPLIED", "NO_PROFILE", "NO_CONSENT", "FILE_TOO_LARGE",
        "UNSUPPORTED_FILE", "NO_FILE", "INVALID_LINK", "ALREADY_SENT", "INVALID_DATE",
        "NOT_EMPLOYER")),
    description="Why a jobs or announcements mutation was refused.")


@strawberry.type
class JobsError:
    field: str | None
    code: JobsErrorCode  # type: ignore[valid-type]
    message: str


def errors_of(exc: ValidationError | None) -> list[JobsError]:
    return payload_errors(exc, JobsError, JobsErrorCode) if exc else []


async def viewer_of(info: Info) -> Viewer | None:
    user = await info.context.user()
    if user is None:
        return None
    runtime = info.context.runtime
    answers = await gather_hook(runtime.plugins.hook.ruta_staff_organisation,
                                runtime=runtime, user_id=user.id)
    partner = next((a for a in answers
                    if isinstance(a, StaffOrganisation) and a.kind == "PARTNER"), None)
    return Viewer(user_id=user.id, is_operator=user.is_operator,
                  vendor_id=await viewer_vendor_id(info), language=user.language_code.upper(),
                  partner_id=partner.id if partner else None,
                  partner_name=partner.name if partner else None)
