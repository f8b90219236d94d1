"""The ``demo`` fixture's data, seeded once per test session and copied back for later tests.

Seeding the demo marketplace runs the core's and every plugin's ``ruta_demo_seed`` (about
2,500 statements, ~40 pictures drawn with Pillow, a password hash): about 2.5 s a test. The
first test that asks for ``demo`` seeds it for real and lets the outbox run (thumbnails);
the rows of every table and the stored files are then kept, and later tests get
them back with one multi-row ``INSERT`` per table (same IDs, same files) after the test
before emptied the database. A snapshot older than :data:`MAX_AGE` or from another UTC day
is taken again, so the demo's dates ("in three days", "today at 10:00") stay true.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from engine.db.base import Base
from engine.db.types import utcnow
from engine.demo.seed import seed
from engine.runtime import Runtime
from engine.testing.database import MEDIA_DIR, existing_tables

#: Seconds a snapshot is reused before the demo is seeded again.
MAX_AGE = 600.0


@dataclass
class Snapshot:
    taken: float
    day: date
    rows: list[tuple[Table, list[dict[str, Any]]]] = field(default_factory=list)
    files: dict[Path, bytes] = field(default_factory=dict)

    def fresh(self) -> bool:
        return time.monotonic() - self.taken < MAX_AGE and utcnow().date() == self.day


_snapshots: dict[str, Snapshot] = {}


def _media_files() -> set[Path]:
    return {path for path in MEDIA_DIR.rglob("*") if path.is_file()}


async def _take(runtime: Runtime, files: set[Path]) -> Snapshot:
    snapshot = Snapshot(time.monotonic(), utcnow().date(),
                        files={path: path.read_bytes() for path in files})
    async with runtime.db.read() as session:
        names = await existing_tables(session)
        for table in Base.metadata.sorted_tables:  # parents before children
            if table.name in names and table.name != "cache_version":
                found = await session.execute(select(table).order_by(*table.primary_key))
                rows = [dict(row) for row in found.mappings()]
                if rows:
                    snapshot.rows.append((table, rows))
    return snapshot


async def _restore(runtime: Runtime, snapshot: Snapshot) -> None:
    for path, content in snapshot.files.items():  # a test may have deleted one
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    async with runtime.transaction() as session:
        for table, rows in snapshot.rows:  # rows in key order: tree parents come first
            await session.execute(table.insert(), rows)


async def seed_demo(runtime: Runtime) -> None:
    """The demo marketplace in ``runtime``'s (empty) database, as :func:`seed` leaves it
    once the outbox has run."""
    key = runtime.settings.database_url
    snapshot = _snapshots.get(key)
    if snapshot is not None and snapshot.fresh():
        await _restore(runtime, snapshot)
        return
    assert await seed(runtime) is True, "the database was not empty"
    assert runtime.dispatcher is not None
    await runtime.dispatcher.drain()
    # Every stored file, not only new ones: a test before may have stored the same
    # (content-addressed) picture and a test after may delete it.
    _snapshots[key] = await _take(runtime, _media_files())
