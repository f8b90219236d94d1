"""What a request costs the database: statements, everything on the wire, pool checkouts
and the most connections held at once (pool ``checkout``/``checkin`` events)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event

from engine.runtime import Runtime

SKIP = ("BEGIN", "PRAGMA", "COMMIT", "ROLLBACK")


@dataclass
class Cost:
    statements: list[str] = field(default_factory=list)  # the application's SQL
    wire: int = 0  # everything sent: statements, BEGIN, COMMIT, ROLLBACK (no PRAGMA)
    checkouts: int = 0
    held: int = 0
    most_held: int = 0

    def __str__(self) -> str:
        sql = "\n  ".join(s[:140] for s in self.statements)
        return (f"{len(self.statements)} statements, {self.wire} on the wire, "
                f"{self.checkouts} checkouts, at most {self.most_held} held:\n  {sql}")


@asynccontextmanager
async def measuring(runtime: Runtime) -> AsyncIterator[Cost]:
    """Measure what runs inside the block. Lifecycle dispatch is deferred until the end
    (its background deliveries would share the pool) and drained afterwards."""
    cost = Cost()
    engine = runtime.db.engine.sync_engine
    postgres = not runtime.db.is_sqlite

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        head = statement.lstrip().upper()
        if head.startswith("BEGIN"):  # SQLite: BEGIN and its COMMIT or ROLLBACK
            cost.wire += 2
        if not head.startswith(SKIP):
            cost.statements.append(" ".join(statement.split()))
            cost.wire += 1

    def on_query(_record: Any) -> None:  # PostgreSQL: BEGIN, COMMIT, ROLLBACK, pings
        cost.wire += 1

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection._connection.add_query_logger(on_query)

    def on_checkout(*_args: Any) -> None:
        cost.checkouts += 1
        cost.held += 1
        cost.most_held = max(cost.most_held, cost.held)

    def on_checkin(*_args: Any) -> None:
        cost.held -= 1

    if postgres:  # new connections (and a new pool) get the query logger
        await runtime.db.engine.dispose()
    listeners: list[tuple[Any, str, Any]] = [
        (engine, "before_cursor_execute", on_execute), (engine.pool, "checkout", on_checkout),
        (engine.pool, "checkin", on_checkin)]
    if postgres:
        listeners.append((engine.pool, "connect", on_connect))
    dispatcher = runtime.dispatcher
    assert dispatcher is not None
    wake = dispatcher.wake
    dispatcher.wake = lambda: None  # type: ignore[method-assign]
    for target, name, listener in listeners:
        event.listen(target, name, listener)
    try:
        yield cost
    finally:
        for target, name, listener in listeners:
            event.remove(target, name, listener)
        dispatcher.wake = wake  # type: ignore[method-assign]
        if postgres:
            await runtime.db.engine.dispose()
