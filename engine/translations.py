"""Translated text with a fallback chain: requested language -> English -> source text.

The source text (the owner's own columns, written in ``language_code``) wins when it is
already in the requested language.

Expressed as SQL (``COALESCE`` of correlated subqueries) so that a listing gets its
translated names in the same statement as the rows, whatever the page size.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, case, func, select

from engine.locales import FALLBACK_LANGUAGE


def fallback_chain(language: str | None) -> list[str]:
    chain = [language] if language else []
    if FALLBACK_LANGUAGE not in chain:
        chain.append(FALLBACK_LANGUAGE)
    return chain


def translated(
    translation_model: Any, fk_column: Any, owner_pk: Any, column: str, source: Any,
    source_language: Any, language: str | None,
) -> ColumnElement[Any]:
    """``CASE source in language THEN source ELSE COALESCE(<in language>, <in EN>, source)``."""
    if language is None:
        return source  # type: ignore[no-any-return]
    parts: list[Any] = []
    for code in fallback_chain(language):
        parts.append(
            select(getattr(translation_model, column))
            .where(fk_column == owner_pk, translation_model.language_code == code)
            .correlate_except(translation_model)
            .scalar_subquery()
        )
    parts.append(source)
    chain: ColumnElement[Any] = func.coalesce(*parts)
    if source_language is None:
        return chain
    return case((source_language == language, source), else_=chain)
