"""The ``/health`` probe: ok, degraded (slow) or unavailable.

The probe reads one row of a core table (``catalog_product``, what every listing reads), so
a lock held on it shows up here, with its own short timeout: on PostgreSQL as
``SET LOCAL statement_timeout`` / ``lock_timeout`` for the probe's transaction, and on both
databases as an asyncio deadline around connecting and querying. A probe that runs out of
time means "degraded"; one that cannot connect (or fails otherwise) means "unavailable".
"""

from __future__ import annotations

import asyncio
from typing import Literal

from sqlalchemy import text

from engine.db.database import Database

Status = Literal["ok", "degraded", "unavailable"]
PROBE_TABLE = "catalog_product"
TIMEOUT_SQLSTATES = ("57014", "55P03")


def _timed_out(exc: BaseException) -> bool:
    while exc is not None:
        if getattr(exc, "sqlstate", None) in TIMEOUT_SQLSTATES:
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False


async def _query(db: Database, seconds: float) -> None:
    ms = max(1, round(seconds * 1000))
    async with db.engine.connect() as conn:
        if not db.is_sqlite:
            await conn.exec_driver_sql(f"SET LOCAL statement_timeout = {ms}")
            await conn.exec_driver_sql(f"SET LOCAL lock_timeout = {ms}")
        await conn.execute(text(f"SELECT 1 FROM {PROBE_TABLE} LIMIT 1"))


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
