"""The jobs API's refusals (``JobsErrorCode``) in the visitor's language: applying,
withdrawing and saving a candidate profile. Codes not listed here fall back to
``forms.field_errors`` (the common codes, else the API's own message)."""

from __future__ import annotations

from typing import Any

from engine.plugins.api import Visit
from plugins.storefront.forms import N_, field_errors

MESSAGES = {
    "ALREADY_APPLIED": N_("You already applied to this offer."),
    "CLOSED": N_("This offer no longer takes applications."),
    "NO_PROFILE": N_("Create your candidate profile first."),
    "INVALID_TRANSITION": N_("This application can no longer be withdrawn."),
    "FORBIDDEN": N_("This application is not yours."),
    "PERMISSION_DENIED": N_("This application is not yours."),
    "NOT_FOUND": N_("This offer or application does not exist."),
    "INVALID_ID": N_("This offer or application does not exist."),
    "UNKNOWN_SKILL": N_("Choose skills from the list."),
    "TOO_LONG": N_("This text is too long."),
    "INVALID_CHARACTERS": N_("This text has characters that are not allowed."),
}


def job_errors(visit: Visit, errors: list[dict[str, Any]]) -> dict[str, str]:
    """``{field: message}`` like ``forms.field_errors``, with the jobs codes translated."""
    out: dict[str, str] = {}
    for error in errors:
        code = str(error.get("code") or "")
        key = str(error.get("field") or "__all__")
        if code in MESSAGES:
            out.setdefault(key, visit.gettext(MESSAGES[code]))
        else:
            for field, message in field_errors(visit, [error]).items():
                out.setdefault(field, message)
    return out
