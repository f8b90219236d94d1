"""One connection at a time per request: the request's read session and its writes.

Sibling resolvers run concurrently, so a request shares ONE read session whose statements
are serialised by a lock (``SerialSession``); every DataLoader batches on it, so a listing
is one checkout. The read session runs in autocommit mode (no BEGIN/ROLLBACK round trips;
each statement sees the latest committed data, as separate sessions did before) and
refuses to write. A write (``runtime.transaction()``) takes the same
lock, gives the read session's connection back first and commits its own transaction;
reads (and writes) nested inside it use the write's session. At the end of the request,
and before an external call (``runtime.db.release()``), the read session's connection goes
back to the pool. So a request holds at most one connection at any time, and no
transaction stays open across Stripe, VIES or SMTP.

A statement that fails because the connection was dropped (server restart, idle
timeout) is retried once on a fresh connection: that replaces the pre-ping per checkout.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.db.database import Database


@dataclass
class _Write:
    """The write transaction in progress (seen by code, and tasks, started inside it)."""

    db: RequestDatabase
    session: AsyncSession
    active: bool = True


_WRITING: ContextVar[_Write | None] = ContextVar("ruta_request_write", default=None)


class ReadOnlySession(RuntimeError):
    """Something tried to write through a request's read session."""


class SerialSession(AsyncSession):
    """A read-only ``AsyncSession`` in autocommit mode (no BEGIN, no ROLLBACK: nothing is
    left open between statements) whose statements run one at a time, each retried once
    if the connection was dropped."""

    serial_lock: asyncio.Lock

    async def _serial(self, method: Callable[..., Awaitable[Any]], *args: Any,
                      **kwargs: Any) -> Any:
        async with self.serial_lock:
            try:
                return await method(*args, **kwargs)
            except DBAPIError as exc:
                if not exc.connection_invalidated:
                    raise
                await AsyncSession.close(self)
            return await method(*args, **kwargs)

    async def flush(self, objects: Any = None) -> None:
        raise ReadOnlySession("a request's read session does not write: use "
                              "runtime.transaction()")

    async def commit(self) -> None:
        raise ReadOnlySession("a request's read session does not write: use "
                              "runtime.transaction()")

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        statement = args[0] if args else kwargs.get("statement")
        if getattr(statement, "is_dml", False):
            raise ReadOnlySession("INSERT, UPDATE and DELETE go in runtime.transaction()")
        return await self._serial(super().execute, *args, **kwargs)

    async def scalar(self, *args: Any, **kwargs: Any) -> Any:
        return await self._serial(super().scalar, *args, **kwargs)

    async def get(self, *args: Any, **kwargs: Any) -> Any:
        return await self._serial(super().get, *args, **kwargs)

    async def get_one(self, *args: Any, **kwargs: Any) -> Any:
        return await self._serial(super().get_one, *args, **kwargs)

    async def refresh(self, *args: Any, **kwargs: Any) -> None:
        await self._serial(super().refresh, *args, **kwargs)

    async def run_sync(self, *args: Any, **kwargs: Any) -> Any:
        return await self._serial(super().run_sync, *args, **kwargs)


class RequestDatabase(Database):
    """The ``Database`` a request's runtime sees (``Runtime.for_request``)."""

    def __init__(self, shared: Database) -> None:  # shares the engine: no super().__init__
        self.shared = shared
        self.url = shared.url
        self.pool = shared.pool
        self.engine = shared.engine
        self.is_sqlite = shared.is_sqlite
        self._lock = asyncio.Lock()
        self._session: SerialSession | None = None

    def _nested(self) -> AsyncSession | None:
        writing = _WRITING.get()
        if writing is None or writing.db is not self or not writing.active:
            return None
        return writing.session

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        nested = self._nested()
        if nested is not None:
            yield nested
            return
        if self._session is None:
            self._session = SerialSession(bind=self.shared.autocommit_engine,
                                          expire_on_commit=False, autoflush=False)
            self._session.serial_lock = self._lock
        yield self._session

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        nested = self._nested()
        if nested is not None:  # joins the enclosing transaction
            yield nested
            return
        async with self._lock:
            await self._close_read()
            async with self.shared.write() as session:
                writing = _Write(self, session)
                token = _WRITING.set(writing)
                try:
                    yield session
                finally:
                    writing.active = False
                    _WRITING.reset(token)

    async def release(self) -> None:
        if self._nested() is None:
            async with self._lock:
                await self._close_read()

    async def close(self) -> None:
        """End of the request: the read session's connection goes back to the pool."""
        await self.release()

    async def _close_read(self) -> None:
        if self._session is not None:
            await AsyncSession.close(self._session)
