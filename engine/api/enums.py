"""GraphQL enums shared by every domain: ``CountryCode`` and ``LanguageCodeEnum``."""

from __future__ import annotations

import enum

import strawberry

from engine.locales import COUNTRY_CODES, LANGUAGE_CODES

CountryCode = strawberry.enum(
    enum.StrEnum("CountryCode", {code: code for code in COUNTRY_CODES}),  # type: ignore[misc, call-overload]
    description="ISO 3166-1 alpha-2 country code.",
)

LanguageCodeEnum = strawberry.enum(
    enum.StrEnum("LanguageCodeEnum", {code: code for code in LANGUAGE_CODES}),  # type: ignore[misc, call-overload]
    description="Language of translated content (ISO 639-1, upper case).",
)
