"""Bump cache versions in the transaction that writes, wherever the write comes from.

Session events watch every ORM flush (new, changed and deleted objects) and every
``INSERT``/``UPDATE``/``DELETE`` statement run through a session, and note which versions
the touched tables and columns belong to; just before the transaction commits, one
``UPDATE cache_version`` increments them. A rolled-back transaction bumps nothing.

Which version a table belongs to: :data:`CORE_TABLES` for the core, and for any table
(plugins' included) ``Table.info["ruta_cache_version"]``; a column may override its table
with ``Column.info["ruta_cache_version"]`` (the core's variant stock and seats belong to
``stock``, not ``catalog``). Plugins that change what a read returns without a marked
table call :func:`mark` (exposed as ``bump_cache_version`` in the plugin API).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Any

from sqlalchemy import Delete, Insert, Table, Update, event, inspect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction

from engine.cache.versions import CATALOG, STOCK, TAX_FACTS, bump_now, check_names

INFO_KEY = "ruta_cache_version"
PENDING = "ruta_cache_bumps"

CORE_TABLES: dict[str, str] = {
    "catalog_product": CATALOG, "catalog_product_translation": CATALOG,
    "catalog_variant": CATALOG, "catalog_category": CATALOG,
    "catalog_category_translation": CATALOG, "vendor": CATALOG,
    "catalog_product_media": CATALOG, "review": CATALOG,
    "vendor_translation": CATALOG, "shipping_method": CATALOG,
}
CORE_COLUMNS: dict[tuple[str, str], str] = {
    ("catalog_variant", "stock"): STOCK, ("catalog_variant", "seats_taken"): STOCK,
}
#: Columns whose change alone changes nothing a reader sees.
IGNORED_COLUMNS = frozenset({"updated_at"})

__all__ = ["CATALOG", "STOCK", "TAX_FACTS", "mark", "versions_for"]


def _column_version(table: Table, column: str) -> str | None:
    found = CORE_COLUMNS.get((table.name, column))
    if found is None and column in table.c:
        found = table.c[column].info.get(INFO_KEY)
    return found


def versions_for(table: Any, columns: Iterable[str] | None) -> set[str]:
    """Versions a write to ``columns`` of ``table`` (None: whole rows) must bump."""
    if not isinstance(table, Table):
        return set()
    own = table.info.get(INFO_KEY) or CORE_TABLES.get(table.name)
    if columns is None:
        found = {v for col in table.c if (v := _column_version(table, col.name)) is not None}
        return found | {own} if own else found
    out: set[str] = set()
    for column in columns:
        version = _column_version(table, column)
        if version is not None:
            out.add(version)
        elif own and column not in IGNORED_COLUMNS:
            out.add(own)
    return out


def _pending(session: Session) -> set[str]:
    found: set[str] = session.info.setdefault(PENDING, set())
    return found


def mark(session: Session | AsyncSession, *names: str) -> None:
    """Bump ``names`` when this session's transaction commits (nothing if it rolls back)."""
    sync = session.sync_session if isinstance(session, AsyncSession) else session
    _pending(sync).update(check_names(names))


def _changed_columns(state: Any) -> list[str]:
    out: list[str] = []
    for prop in state.mapper.column_attrs:
        if state.attrs[prop.key].history.has_changes():
            out.extend(column.name for column in prop.columns)
    return out


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    found: set[str] = set()
    for obj in chain(session.new, session.deleted):
        found |= versions_for(inspect(obj).mapper.local_table, None)
    for obj in session.dirty:
        state = inspect(obj)
        found |= versions_for(state.mapper.local_table, _changed_columns(state))
    if found:
        _pending(session).update(found)


def _statement_columns(statement: Update | Insert) -> list[str] | None:
    values = getattr(statement, "_values", None)
    if not values:
        return None
    return [str(getattr(key, "name", None) or getattr(key, "key", key)) for key in values]


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    statement = state.statement
    if isinstance(statement, Delete):
        found = versions_for(statement.table, None)
    elif isinstance(statement, Update | Insert):
        columns = _statement_columns(statement)
        found = versions_for(statement.table, columns if isinstance(statement, Update) else None)
    else:
        return
    if found:
        _pending(state.session).update(found)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    session.flush()
    names = session.info.pop(PENDING, None)
    if names:
        bump_now(session, names)


@event.listens_for(Session, "after_transaction_end")
def _after_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(PENDING, None)
