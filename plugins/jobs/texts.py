"""Translated texts, languages and accent-insensitive search keys."""

from __future__ import annotations

import unicodedata

from engine.plugins.api import ValidationError, clean_text

#: The languages of texts, applications and announcements: the core's seven (ES, PT, EN for
#: the Iberian market; FR, AR, RO, UK for the people of the programme).
LANGUAGES = ("ES", "PT", "EN", "FR", "AR", "RO", "UK")


def fold(text: str) -> str:
    """Lower case without accents: ``"Cañón"`` -> ``"canon"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def translations(field: str, texts: dict[str, str], *, max_length: int,
                 multiline: bool = False, required: bool = True) -> dict[str, str]:
    """Clean each language's text; at least one language when ``required``."""
    cleaned: dict[str, str] = {}
    for code, text in texts.items():
        if code not in LANGUAGES:
            raise ValidationError(field, "INVALID", "Unsupported language.")
        value = clean_text(text, field=f"{field}.{code.lower()}", max_length=max_length,
                           multiline=multiline)
        if value:
            cleaned[code] = value
    if required and not cleaned:
        raise ValidationError(field, "REQUIRED", "Give the text in at least one language.")
    return cleaned


def language_codes(field: str, codes: list[str]) -> list[str]:
    result = sorted({c.strip().upper() for c in codes})
    if any(len(c) != 2 or not c.isalpha() for c in result) or len(result) > 20:
        raise ValidationError(field, "INVALID", "Use two-letter language codes.")
    return result


def in_language(texts: dict[str, str], language: str | None) -> str:
    """The text in ``language``, else English, else any."""
    for code in (language, "EN", *LANGUAGES):
        if code and texts.get(code):
            return texts[code]
    return ""
