"""Test databases: a fresh SQLite file or PostgreSQL database per run, emptied per test."""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Table, exists, inspect, literal, select, text, union_all
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from engine.db.base import Base
from engine.runtime import Runtime
from engine.settings import Settings
from engine.storage.settings import StorageSettings

POSTGRES_ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
TEST_SECRET_KEY = "test-secret-key-that-is-long-enough-000"


#: Files written by tests (pictures, e-books) go here, never into the working directory.
MEDIA_DIR = Path(tempfile.mkdtemp(prefix="ruta-test-media-"))
atexit.register(shutil.rmtree, MEDIA_DIR, ignore_errors=True)


def test_settings(url: str, **overrides: object) -> Settings:
    """Development settings on ``url`` with a valid secret and media in a temporary folder;
    ``overrides`` replace fields."""
    values: dict[str, object] = {
        "mode": "development", "secret_key": TEST_SECRET_KEY,
        "media_root": str(MEDIA_DIR / "private"),
        "storage": StorageSettings(public_root=str(MEDIA_DIR / "public"))}
    values.update(overrides)
    return Settings(database_url=url, **values)  # type: ignore[arg-type]


test_settings.__test__ = False  # type: ignore[attr-defined]  # not a test, despite its name


def fresh_database() -> Iterator[str]:
    """Yield the URL of a new, empty database, removed afterwards.

    ``RUTA_TEST_DATABASE_URL`` chooses: unset or ``sqlite`` (a temporary file),
    ``postgres`` (a new database on 127.0.0.1:5432, user ``postgres``) or a PostgreSQL
    admin URL.
    """
    base = os.environ.get("RUTA_TEST_DATABASE_URL", "sqlite")
    if base == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite+aiosqlite:///{Path(tmp) / 'test.db'}"
        return
    yield from _postgres_database(base)


def _postgres_database(admin_url: str) -> Iterator[str]:
    name = f"ruta_test_{uuid.uuid4().hex[:12]}"
    admin = admin_url if admin_url != "postgres" else POSTGRES_ADMIN_URL

    async def run(sql: str) -> None:
        eng = create_async_engine(admin, isolation_level="AUTOCOMMIT")
        async with eng.connect() as conn:
            await conn.execute(text(sql))
        await eng.dispose()

    asyncio.run(run(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        asyncio.run(run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def existing_tables(session: AsyncSession) -> set[str]:
    """The names of the tables this database has."""
    connection = await session.connection()
    return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))


async def _filled(session: AsyncSession, tables: list[Table]) -> set[str]:
    """Which of ``tables`` hold a row, in one statement (most tests write to a few)."""
    if not tables:
        return set()
    probes = [select(literal(table.name).label("name"))
              .where(exists(select(literal(1)).select_from(table))) for table in tables]
    return set(await session.scalars(union_all(*probes)))


async def empty_database(rt: Runtime) -> None:
    """Delete every row from every model table that exists in this database (plugins whose
    migrations did not run here may have registered models without tables)."""
    async with rt.db.write() as session:
        existing = await existing_tables(session)
        candidates = [t for t in reversed(Base.metadata.sorted_tables)
                      if t.name in existing and t.name != "cache_version"]  # versions only grow
        filled = await _filled(session, candidates)
        tables = [t for t in candidates if t.name in filled]
        for table in tables:  # SQLite checks self-references (category tree) row by row
            own = {fk.parent.name: None for fk in table.foreign_keys
                   if fk.column.table is table and fk.parent.nullable}
            if own:
                await session.execute(table.update().values(own))
        for table in tables:
            await session.execute(table.delete())
