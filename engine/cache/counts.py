"""Exact ``totalCount`` values, cached per catalog version.

A ``COUNT(*)`` over every visible product grows with the catalog (100,000 products: tens
of milliseconds a request). What it counts changes only when the catalog does, so each
worker keeps the count of each distinct query (its SQL and parameters) together with the
catalog version it was counted under, and counts again only after a catalog write has
bumped that version. The version costs one cheap statement, read once per request and
shared with the response cache.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Select

from engine.cache.versions import CATALOG
from engine.db.database import Database

MAX_COUNTS = 5000

_by_database: WeakKeyDictionary[Database, OrderedDict[Hashable, tuple[int, int]]] = \
    WeakKeyDictionary()


def count_key(db: Database, query: Select[Any]) -> Hashable:
    """The query's SQL (interned: the keys of one query with different parameters share
    one copy of its text) and its parameters."""
    compiled = query.compile(dialect=db.engine.dialect)
    return sys.intern(str(compiled)), \
        tuple(sorted((k, repr(v)) for k, v in compiled.params.items()))


async def cached_count(db: Database, query: Select[Any], versions: dict[str, int],
                       count: Callable[[], Awaitable[int]]) -> int:
    """``count()`` unless this worker counted ``query`` under the current catalog version."""
    db = getattr(db, "shared", db)  # a request's view shares its process's counts
    counts = _by_database.setdefault(db, OrderedDict())
    key = count_key(db, query)
    version = versions.get(CATALOG, -1)
    found = counts.get(key)
    if found is not None and found[0] == version:
        counts.move_to_end(key)
        return found[1]
    total = await count()
    counts[key] = (version, total)
    counts.move_to_end(key)
    while len(counts) > MAX_COUNTS:
        counts.popitem(last=False)
    return total
