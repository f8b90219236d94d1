"""The ``/health`` probe: ok, degraded (slow) or unavailable.

The probe reads one row of a core table (``catalog_product``, what every listing reads), so
a lock held on it shows up here, with its own short timeout: on PostgreSQL as
``SET LOCAL statement_timeout`` / ``lock_timeout`` for the probe's transaction; on SQLite,
where readers never wait, the probe also takes the write lock (``BEGIN IMMEDIATE``, rolled
back) with its own ``busy_timeout``; on both, an asyncio deadline bounds connecting too.
A probe that runs out of time means "degraded"; one that cannot connect (or fails
otherwise) means "unavailable".
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Literal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from engine.db.database import WRITE_OPTION, Database

Status = Literal["ok", "degraded", "unavailable"]
PROBE_TABLE = "catalog_product"
TIMEOUT_SQLSTATES = ("57014", "55P03")
PROBE = text(f"SELECT 1 FROM {PROBE_TABLE} LIMIT 1")


def _timed_out(exc: BaseException | None) -> bool:
    """A lock or statement timeout (PostgreSQL) or a busy database file (SQLite)."""
    while exc is not None:
        if getattr(exc, "sqlstate", None) in TIMEOUT_SQLSTATES:
            return True
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


async def _set_busy_timeout(conn: AsyncConnection, ms: int) -> None:
    raw = await conn.get_raw_connection()  # outside any transaction
    await raw.driver_connection.execute(f"PRAGMA busy_timeout = {int(ms)}")  # type: ignore[union-attr]


async def _query(db: Database, seconds: float) -> None:
    ms = max(1, round(seconds * 1000))
    if not db.is_sqlite:
        async with db.engine.connect() as conn:
            await conn.exec_driver_sql(f"SET LOCAL statement_timeout = {ms}")
            await conn.exec_driver_sql(f"SET LOCAL lock_timeout = {ms}")
            await conn.execute(PROBE)
        return
    # SQLite readers never wait (WAL): what stalls is the write lock, so the probe takes it
    # (BEGIN IMMEDIATE, then rolls back) waiting no longer than its own timeout.
    async with db.engine.connect() as conn:
        await _set_busy_timeout(conn, ms)
        try:
            await conn.execution_options(**{WRITE_OPTION: True})
            await conn.execute(PROBE)
            await conn.rollback()
        finally:
            await _set_busy_timeout(conn, db.timeouts.sqlite_busy_ms)


async def probe(db: Database, seconds: float) -> Status:
    try:
        # The database's own timeouts fire first; the deadline also covers connecting
        # and a busy SQLite file.
        async with asyncio.timeout(seconds * 1.5):
            await _query(db, seconds)
    except TimeoutError:
        return "degraded"
    except Exception as exc:
        if _timed_out(exc):
            return "degraded"
        return "unavailable"
    return "ok"
