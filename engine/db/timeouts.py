"""Statement and lock timeouts, so one stuck lock or query cannot stall every request.

PostgreSQL gets ``statement_timeout`` and ``lock_timeout`` as server settings of every
connection (asyncpg ``server_settings``); SQLite has no statement timeout, and its
``busy_timeout`` (how long a statement waits for another connection's lock) is the lock
timeout. A statement that hits a timeout fails with an error that
``engine.db.unavailable`` classifies as retryable (``SERVICE_UNAVAILABLE``).
Migrations use their own engine (``engine.db.migrate``) and are not limited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.settings import Settings


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


@dataclass(frozen=True)
class Timeouts:
    statement: float = 30.0
    lock: float = 5.0

    @classmethod
    def from_settings(cls, settings: Settings) -> Timeouts:
        return cls(statement=settings.db_statement_timeout, lock=settings.db_lock_timeout)

    def postgres_connect_args(self) -> dict[str, Any]:
        return {"server_settings": {"statement_timeout": str(_ms(self.statement)),
                                    "lock_timeout": str(_ms(self.lock))}}

    @property
    def sqlite_busy_ms(self) -> int:
        return _ms(self.lock)
