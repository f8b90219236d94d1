"""Postal codes checked per country (every address: buyers', vendors').

Spain: five digits whose first two are a province, 01 to 52. Portugal: ``NNNN-NNN`` (the
hyphen may be typed as a space or left out; it is stored with the hyphen). Other countries:
letters, digits, spaces and hyphens. A refused code gets ``INVALID_POSTAL_CODE`` with a
message that says the expected format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.errors import Collector

GENERIC = re.compile(r"^[A-Z0-9][A-Z0-9 \-]{1,14}$")


@dataclass(frozen=True)
class PostalFormat:
    pattern: re.Pattern[str]
    expected: str


FORMATS: dict[str, PostalFormat] = {
    "ES": PostalFormat(re.compile(r"^(0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}$"),
                       "five digits starting with a province number 01-52, e.g. 21700"),
    "PT": PostalFormat(re.compile(r"^[1-9][0-9]{3}-[0-9]{3}$"),
                       "NNNN-NNN, e.g. 8000-283"),
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
    rule = FORMATS.get(country or "")
    if rule is not None and not rule.pattern.fullmatch(code):
        errors.add(field, "INVALID_POSTAL_CODE",
                   f"This is not a valid {country} postal code: use {rule.expected}.")
        return None
    if rule is None and not GENERIC.fullmatch(code):
        errors.add(field, "INVALID_POSTAL_CODE",
                   "Enter a postal code of letters, digits, spaces and hyphens.")
        return None
    return code
