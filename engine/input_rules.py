"""Rules for free-text input shared by every domain (names, slugs, e-mails).

Postal codes are checked per country in ``engine.postal_codes``.

Each function returns the normalised value or records a typed error on the collector.
"""

from __future__ import annotations

import re
import unicodedata

from engine.errors import Collector

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def clean_text(
    errors: Collector, field: str, value: str | None, *, max_length: int, required: bool = True,
    min_length: int = 1,
) -> str | None:
    """Trim ``value``; refuse empty (when required), too short or too long text."""
    if value is None:
        if required:
            errors.add(field, "REQUIRED", "This field is required.")
        return None
    cleaned = unicodedata.normalize("NFC", value).strip()
    if "\x00" in cleaned:
        errors.add(field, "INVALID", "Text must not contain NUL characters.")
        return None
    if not cleaned:
        if required:
            errors.add(field, "REQUIRED", "This field cannot be blank.")
            return None
        return ""
    if len(cleaned) < min_length:
        errors.add(field, "TOO_SHORT", f"Use at least {min_length} characters.")
        return None
    if len(cleaned) > max_length:
        errors.add(field, "TOO_LONG", f"Use at most {max_length} characters.")
        return None
    return cleaned


def clean_email(errors: Collector, field: str, value: str) -> str | None:
    email = value.strip().lower()
    if len(email) > 254 or not EMAIL_RE.match(email):
        errors.add(field, "INVALID", "Enter a valid e-mail address.")
        return None
    return email


def slugify(text: str, max_length: int = 80) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].strip("-") or "item"


def clean_slug(errors: Collector, field: str, value: str) -> str | None:
    slug = value.strip().lower()
    if not SLUG_RE.match(slug) or len(slug) > 80:
        errors.add(field, "INVALID", "Use lower-case letters, digits and single hyphens.")
        return None
    return slug
