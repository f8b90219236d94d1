"""Shared fixtures: one migrated database per test session (SQLite file or a fresh
PostgreSQL database, chosen by ``RUTA_TEST_DATABASE_URL``), emptied after every test."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import create_async_engine
from starlette.applications import Starlette

import engine.db.models  # noqa: F401
from engine.app import build_runtime, create_app
from engine.db.base import Base
from engine.db.migrate import upgrade
from engine.demo.seed import seed
from engine.plugins.manager import build_plugin_manager
from engine.runtime import Runtime
from engine.settings import Settings
from engine.storage.settings import StorageSettings
from tests.client import Client

pytest_plugins = ["tests.storage_backends"]  # local and S3 (moto) storage fixtures

POSTGRES_ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


#: Files written by tests (pictures, e-books) go here, never into the working directory.
MEDIA_DIR = Path(tempfile.mkdtemp(prefix="ruta-test-media-"))
atexit.register(shutil.rmtree, MEDIA_DIR, ignore_errors=True)


def test_settings(url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "mode": "development", "secret_key": "test-secret-key-that-is-long-enough-000",
        "media_root": str(MEDIA_DIR / "private"),
        "storage": StorageSettings(public_root=str(MEDIA_DIR / "public"))}
    values.update(overrides)
    return Settings(database_url=url, **values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A fresh, empty database for this run: a temp SQLite file or a new PostgreSQL DB."""
    base = os.environ.get("RUTA_TEST_DATABASE_URL", "sqlite")
    if base == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite+aiosqlite:///{Path(tmp) / 'test.db'}"
        return
    yield from _postgres_database(base)


def _postgres_database(admin_url: str) -> Iterator[str]:
    import asyncio

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


@pytest.fixture(scope="session")
async def runtime(database_url: str) -> AsyncIterator[Runtime]:
    rt = build_runtime(test_settings(database_url),
                       build_plugin_manager(entry_points_from="ruta"))
    await upgrade(rt.db, rt.plugins)
    yield rt
    await rt.db.dispose()


@pytest.fixture(scope="session")
def app(runtime: Runtime) -> Starlette:
    return create_app(runtime=runtime)


async def empty_database(rt: Runtime) -> None:
    """Delete every row from every model table that exists in this database (plugins whose
    migrations did not run here may have registered models without tables)."""
    async with rt.db.write() as session:
        connection = await session.connection()
        existing = set(await connection.run_sync(lambda c: inspect(c).get_table_names()))
        tables = [t for t in reversed(Base.metadata.sorted_tables) if t.name in existing]
        for table in tables:  # SQLite checks self-references (category tree) row by row
            own = {fk.parent.name: None for fk in table.foreign_keys
                   if fk.column.table is table and fk.parent.nullable}
            if own:
                await session.execute(table.update().values(own))
        for table in tables:
            await session.execute(table.delete())


@pytest.fixture(autouse=True)
async def _clean(runtime: Runtime) -> AsyncIterator[None]:
    yield
    assert runtime.dispatcher is not None
    await runtime.dispatcher.drain()
    await empty_database(runtime)


@pytest.fixture
async def demo(runtime: Runtime) -> Runtime:
    """The demo marketplace, seeded for one test (emptied afterwards like everything)."""
    assert await seed(runtime) is True
    return runtime


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[Client]:
    async with Client(app) as c:
        yield c


@pytest.fixture
def plugged(database_url: str, runtime: Runtime) -> Any:
    """``async with plugged(plugin, ...) as client``: an app with extra plugins registered
    (besides Ruta's own, unless ``core_only=True``), on the session's migrated database."""

    @asynccontextmanager
    async def make(*plugins: object, core_only: bool = False, **settings: Any
                   ) -> AsyncIterator[Client]:
        manager = build_plugin_manager(entry_points_from=None if core_only else "ruta",
                                       extra_plugins=plugins)
        rt = build_runtime(test_settings(database_url, **settings), manager)
        try:
            async with Client(create_app(runtime=rt)) as client:
                yield client
            assert rt.dispatcher is not None
            await rt.dispatcher.drain()
        finally:
            await rt.db.dispose()

    return make
