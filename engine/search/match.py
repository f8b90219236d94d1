"""Full-text matching of products, the same meaning on both databases.

The index (``search_product``, migration ``0007_search``) is kept in step by triggers. A
search is split into words; every word must match the start of a word of a product's name,
description or any translation of them, ignoring case and accents ("cafe" finds "Café",
"acucar" finds "açúcar"). Names weigh more than descriptions.

- SQLite: FTS5 (``unicode61 remove_diacritics 2``), ranked by ``bm25`` (name 10, body 1);
- PostgreSQL: ``tsvector`` built with ``unaccent`` (names weight A, descriptions B), GIN
  index, ranked by ``ts_rank``.

``hits`` returns a subquery ``(product_id, rank)`` where a lower rank is a better match.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (
    Subquery,
    bindparam,
    column,
    false,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)

MAX_TERMS = 8
WORD = re.compile(r"\w+")


def terms(search: str) -> list[str]:
    """The words of a search, lower-cased (at most ``MAX_TERMS``)."""
    return [word.lower() for word in WORD.findall(search)][:MAX_TERMS]


def _sqlite_hits(words: list[str]) -> Subquery:
    expression = " ".join(f'"{word}"*' for word in words)
    fts = table("search_product", column("rowid"))
    match = text("search_product MATCH :search_match").bindparams(search_match=expression)
    rank = func.bm25(literal_column("search_product"), 10.0, 1.0)
    return select(fts.c.rowid.label("product_id"), rank.label("rank")).select_from(fts) \
        .where(match).subquery("hits")


def _postgres_hits(words: list[str]) -> Subquery:
    expression = " & ".join(f"{word}:*" for word in words)
    index = table("search_product", column("product_id"), column("document"))
    query: Any = func.to_tsquery(literal_column("'simple'::regconfig"),
                                 func.unaccent(bindparam("search_match", expression)))
    rank = -func.ts_rank(index.c.document, query)
    return select(index.c.product_id, rank.label("rank")) \
        .where(index.c.document.op("@@")(query)).subquery("hits")


def hits(dialect: str, search: str) -> Subquery:
    """Matching product ids with their rank; a search without words matches nothing."""
    words = terms(search)
    if not words:
        return select(literal(0).label("product_id"), literal(0.0).label("rank")) \
            .where(false()).subquery("hits")
    return _sqlite_hits(words) if dialect == "sqlite" else _postgres_hits(words)
