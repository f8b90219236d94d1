"""Which exceptions mean "the database cannot serve right now" (retry later), not a bug.

Connection refused or lost, an unopenable SQLite file, a busy/locked database, an exhausted
pool, a PostgreSQL server shutting down or out of connections, and the statement or lock
timeouts of ``engine.db.timeouts`` all qualify. The exception may be SQLAlchemy's wrapper,
the driver's own (asyncpg raises some connect errors unwrapped) or an ``OSError``; the
whole ``__cause__``/``__context__`` chain is looked at.
"""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

#: PostgreSQL SQLSTATE prefixes that mean the server cannot serve now.
RETRYABLE_SQLSTATES = (
    "08",     # connection exceptions
    "53",     # insufficient resources (too many connections, out of memory or disk)
    "57P",    # admin shutdown, crash shutdown, cannot connect now
    "57014",  # query canceled (statement_timeout)
    "55P03",  # lock not available (lock_timeout)
    "3D000",  # the database does not exist
)

MESSAGE = "The database is unavailable or too slow right now; retry shortly."


def _sqlstate(exc: BaseException) -> str | None:
    code = getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None)
    return code if isinstance(code, str) else None


def _one(exc: BaseException) -> bool:
    if isinstance(exc, sa_exc.DBAPIError):
        if exc.connection_invalidated or isinstance(exc, sa_exc.OperationalError):
            return True
        return isinstance(exc, sa_exc.InterfaceError) and "closed" in str(exc).lower()
    if isinstance(exc, (sa_exc.TimeoutError, sa_exc.DisconnectionError, OSError, TimeoutError)):
        return True
    code = _sqlstate(exc)
    return code is not None and code.startswith(RETRYABLE_SQLSTATES)


def is_unavailable(exc: BaseException | None) -> bool:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if _one(exc):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def describe(exc: BaseException) -> str:
    """One line naming the failure (no traceback, no connection string)."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:300]
