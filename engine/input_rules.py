"""Rules for free-text input shared by every domain (names, slugs, e-mails).

Postal codes are checked per country in ``engine.postal_codes``.

Each function returns the normalised value or records a typed error on the collector.
Every free text has a length cap; NUL is refused everywhere, control characters except
new lines and tabs in long texts, and format characters (Cf) in names.
"""

from __future__ import annotations

import re
import unicodedata

from engine.errors import Collector

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


#: Characters a long (multi-line) text may keep among the control characters (Cc).
MULTILINE_CONTROLS = frozenset("\n\t")
#: Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they
#: reorder what is displayed ("Trojan Source"); refused in every text.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def bad_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character ``text`` may not hold, else None.

    NUL never; control characters (Unicode Cc) except, in long texts, new lines and tabs;
    in names and other one-line texts also format characters (Cf: U+202E right-to-left
    override, zero-width spaces and joiners, soft hyphens...) that make look-alikes; long
    texts keep the joiners and marks that scripts and emoji need, never bidi overrides.
    """
    for char in text:
        category = unicodedata.category(char)
        if char == "\x00" or (category == "Cc" and not (multiline and char in MULTILINE_CONTROLS)):
            return char
        if category == "Cf" and (not multiline or char in BIDI_CONTROLS):
            return char
    return None


def clean_text(
    errors: Collector, field: str, value: str | None, *, max_length: int, required: bool = True,
    min_length: int = 1, multiline: bool = False,
) -> str | None:
    """Trim and NFC-normalise ``value``; refuse empty (when required), too short or too
    long text, and characters :func:`bad_character` refuses (``multiline`` for long texts:
    descriptions, bios, lesson bodies; CR LF becomes LF)."""
    if value is None:
        if required:
            errors.add(field, "REQUIRED", "This field is required.")
        return None
    if len(value) > 4 * max_length + 64:  # do not normalise megabytes only to refuse them
        errors.add(field, "TOO_LONG", f"Use at most {max_length} characters.")
        return None
    cleaned = unicodedata.normalize("NFC", value).strip()
    if multiline:
        cleaned = cleaned.replace("\r\n", "\n")
    bad = bad_character(cleaned, multiline=multiline)
    if bad is not None:
        errors.add(field, "INVALID_CHARACTERS",
                   f"Remove the invisible or control character U+{ord(bad):04X}.")
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


def checked_text(
    value: str | None, *, field: str, max_length: int, required: bool = True,
    min_length: int = 1, multiline: bool = False, errors: Collector | None = None,
) -> str | None:
    """:func:`clean_text` for callers without a collector: raises the typed
    ``ValidationError`` at once (or records on ``errors`` when given). Plugins get it as
    ``engine.plugins.api.clean_text``."""
    collector = errors if errors is not None else Collector()
    cleaned = clean_text(collector, field, value, max_length=max_length, required=required,
                         min_length=min_length, multiline=multiline)
    if errors is None:
        collector.raise_if_any()
    return cleaned


def clean_email(errors: Collector, field: str, value: str) -> str | None:
    email = value.strip().lower()
    if len(email) > 254 or not EMAIL_RE.match(email) or bad_character(email) is not None:
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
