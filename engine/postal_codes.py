"""Postal codes checked per country (every address: buyers', vendors').

Spain: five digits whose first two are a province, 01 to 52. Portugal: ``NNNN-NNN`` (the
hyphen may be typed as a space or left out; it is stored with the hyphen). Other countries:
letters, digits, spaces and hyphens. A refused code gets ``INVALID_POSTAL_CODE`` with a
message that says the expected format (one whole message per country, so that the format's
description is translated with the rest of it).
"""

from __future__ import annotations

import re

from engine.errors import Collector

GENERIC = re.compile(r"^[A-Z0-9][A-Z0-9 \-]{1,14}$")


FORMATS: dict[str, re.Pattern[str]] = {
    "ES": re.compile(r"^(0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}$"),
    "PT": re.compile(r"^[1-9][0-9]{3}-[0-9]{3}$"),
}


def normalise(country: str | None, code: str) -> str:
    cleaned = " ".join(code.strip().upper().split())
    if country == "PT":
        digits = cleaned.replace(" ", "").replace("-", "")
        if len(digits) == 7 and digits.isdigit():
            return f"{digits[:4]}-{digits[4:]}"
    if country == "ES":
        return cleaned.replace(" ", "")
    return cleaned


def clean_postal_code(errors: Collector, field: str, value: str | None,
                      country: str | None = None) -> str | None:
    """The normalised code, or ``None`` with a typed error on ``errors``."""
    if value is None or not value.strip():
        errors.add(field, "REQUIRED", "A postal code is required.")
        return None
    code = normalise(country, value)
    pattern = FORMATS.get(country or "")
    if pattern is not None and not pattern.fullmatch(code):
        errors.add(field, "INVALID_POSTAL_CODE",
                   "This is not a valid ES postal code: use five digits starting with a "
                   "province number 01-52, e.g. 21700." if country == "ES" else
                   "This is not a valid PT postal code: use NNNN-NNN, e.g. 8000-283.")
        return None
    if pattern is None and not GENERIC.fullmatch(code):
        errors.add(field, "INVALID_POSTAL_CODE",
                   "Enter a postal code of letters, digits, spaces and hyphens.")
        return None
    return code
