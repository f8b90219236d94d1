"""Form values in, payload errors out: per-field messages in the visitor's language."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from engine.plugins.api import Visit


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated when shown."""
    return message


#: Engine error codes shown in the visitor's language (others show the engine's message).
MESSAGES = {
    "REQUIRED": N_("This field is required."),
    "TOO_SHORT": N_("This is too short."),
    "TOO_LONG": N_("This is too long."),
    "UNIQUE": N_("This is already in use."),
    "DUPLICATED": N_("This is already in use."),
    "INVALID_CREDENTIALS": N_("The e-mail or the password is not right."),
    "PASSWORD_TOO_SHORT": N_("The password is too short."),
    "INVALID_TAX_ID": N_("This tax id is not valid for the country."),
    "INVALID_POSTAL_CODE": N_("This postal code is not valid for the country."),
    "UNSUPPORTED_COUNTRY": N_("We do not serve this country yet."),
    "ALREADY_VENDOR": N_("You already work for a vendor."),
    "INVALID_STATUS": N_("This cannot be done in the current status."),
    "OVER_REFUND": N_("That is more than what is left to refund."),
    "NOT_FULFILLABLE": N_("Nothing in this order ships."),
    "FORBIDDEN": N_("You are not allowed to do this."),
    "INVALID": N_("This value is not valid."),
    "UNSUPPORTED_FILE_TYPE": N_("This file is not a JPEG, PNG or WebP picture."),
    "FILE_TOO_LARGE": N_("This file is too large."),
    "IMAGE_TOO_LARGE": N_("This picture has too many pixels."),
    "INVALID_TRANSITION": N_("This cannot be done in the current status."),
    "NOT_FUNDING_ADVISOR": N_("This expert does not give funding advice."),
    "NOT_VERIFIED": N_("This expert is not verified yet."),
}


def field_errors(visit: Visit, errors: list[dict[str, Any]]) -> dict[str, str]:
    """``{field: message}``; errors without a known field go under ``"__all__"``."""
    out: dict[str, str] = {}
    for error in errors:
        code = str(error.get("code") or "")
        message = visit.gettext(MESSAGES[code]) if code in MESSAGES else str(error["message"])
        key = str(error.get("field") or "__all__")
        out.setdefault(key, message)
    return out


def text(visit: Visit, name: str) -> str:
    value = visit.form.get(name)
    return value.strip() if isinstance(value, str) else ""


def decimal_or_none(value: str) -> str | None:
    """A decimal string as the API takes it (``"12,50"`` is accepted as ``"12.50"``)."""
    cleaned = value.replace(",", ".").strip()
    try:
        Decimal(cleaned)
    except (InvalidOperation, ValueError):
        return None
    return cleaned


def int_or_none(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        return None
