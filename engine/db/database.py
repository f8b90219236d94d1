"""The database handle: one async engine per app, read sessions and write transactions.

SQLite recipe (STACK-NOTES): the driver's own transaction handling is switched off, WAL,
``busy_timeout`` and foreign keys are set on connect, and a write transaction starts with
``BEGIN IMMEDIATE`` so concurrent writers queue instead of failing or overselling. Reads
use a plain ``BEGIN``. On PostgreSQL, services lock rows explicitly (``FOR UPDATE``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from engine.db.timeouts import Timeouts

WRITE_OPTION = "ruta_write"
AUTOCOMMIT_OPTION = "ruta_autocommit"


def _install_sqlite_recipe(engine: AsyncEngine, busy_ms: int) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        if options.get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif not options.get(AUTOCOMMIT_OPTION):
            conn.exec_driver_sql("BEGIN")


@dataclass(frozen=True)
class PoolLimits:
    """How many PostgreSQL connections one process may hold, and for how long.

    ``size + overflow`` is the most a worker ever holds (the README's scale-out section
    does the arithmetic). No pre-ping on checkout: connections older than ``recycle``
    seconds are replaced, and a dropped one is retried once (``engine.db.request``).
    """

    size: int = 5
    overflow: int = 5
    timeout: float = 10.0
    recycle: int = 1800


class Database:
    """Owns the engine and hands out sessions. Nothing else creates engines."""

    def __init__(self, url: str, *, echo: bool = False, pool: PoolLimits | None = None,
                 timeouts: Timeouts | None = None) -> None:
        self.url = url
        self.pool = pool or PoolLimits()
        self.timeouts = timeouts or Timeouts()
        kwargs: dict[str, Any] = {"echo": echo}
        if url.startswith("postgresql"):
            kwargs.update(pool_size=self.pool.size, max_overflow=self.pool.overflow,
                          pool_timeout=self.pool.timeout, pool_recycle=self.pool.recycle,
                          pool_pre_ping=False,
                          connect_args=self.timeouts.postgres_connect_args())
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            _install_sqlite_recipe(self.engine, self.timeouts.sqlite_busy_ms)
        self._write_engine = self.engine.execution_options(**{WRITE_OPTION: True})
        #: Reads without BEGIN/ROLLBACK (each statement its own snapshot), for the
        #: request's read session: no transaction to keep open, two round trips fewer.
        self.autocommit_engine: AsyncEngine = self.engine.execution_options(
            **({AUTOCOMMIT_OPTION: True} if self.is_sqlite else {"isolation_level": "AUTOCOMMIT"}))
        self._reader = async_sessionmaker(self.engine, expire_on_commit=False)
        self._writer = async_sessionmaker(self._write_engine, expire_on_commit=False)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A short read-only session (the transaction is rolled back at the end)."""
        async with self._reader() as session:
            yield session

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        async with self._writer() as session, session.begin():
            yield session

    async def release(self) -> None:
        """Give back any connection held between statements (a request's read session).

        Call it before an external call (Stripe, VIES, SMTP) so that no transaction stays
        open across it. Outside a request nothing is held between blocks: a no-op.
        """

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    async def dispose(self) -> None:
        await self.engine.dispose()
