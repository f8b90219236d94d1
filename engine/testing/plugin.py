"""Ruta's pytest fixtures (registered as pytest plugin ``ruta`` via ``pytest11``).

Session-wide: ``database_url`` (a fresh database), ``runtime`` (migrated, with Ruta's own
plugins), ``app``. Per test: ``ruta_clean`` (empties every table afterwards, after the
outbox is drained; ``client``, ``demo`` and ``plugged`` use it), ``client`` (a GraphQL
client of ``app``), ``demo`` (the demo marketplace), ``plugged`` (an app with more
plugins: ``async with plugged(my_plugin, installed=True) as client``).

Passwords are hashed with argon2id at test cost (one pass over 1 MiB, about 1 ms, instead
of argon2-cffi's defaults, about 140 ms here): sign-ins were 40% of the page tests' time.

Async fixtures and tests share one event loop per session: set ``asyncio_mode = "auto"``,
``asyncio_default_fixture_loop_scope = "session"`` and
``asyncio_default_test_loop_scope = "session"`` in your pytest configuration.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
import pytest_asyncio
from argon2 import Parameters, Type
from starlette.applications import Starlette

import engine.db.models  # noqa: F401  (complete metadata)
from engine.accounts.passwords import use_parameters
from engine.app import build_runtime, create_app
from engine.db.migrate import upgrade
from engine.plugins.manager import build_plugin_manager
from engine.runtime import Runtime
from engine.testing.client import Client
from engine.testing.database import empty_database, fresh_database, test_settings
from engine.testing.demo_snapshot import seed_demo

#: argon2id, as in production, at the lowest cost that still hashes properly.
TEST_HASH_PARAMETERS = Parameters(type=Type.ID, version=19, salt_len=16, hash_len=32,
                                  time_cost=1, memory_cost=1024, parallelism=1)
use_parameters(TEST_HASH_PARAMETERS)


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A fresh, empty database for this run: a temp SQLite file or a new PostgreSQL DB."""
    yield from fresh_database()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def runtime(database_url: str) -> AsyncIterator[Runtime]:
    """The session's runtime: Ruta's own plugins, the database migrated once."""
    rt = build_runtime(test_settings(database_url),
                       build_plugin_manager(entry_points_from="ruta"))
    await upgrade(rt.db, rt.plugins)
    yield rt
    await rt.db.dispose()


@pytest.fixture(scope="session")
def app(runtime: Runtime) -> Starlette:
    return create_app(runtime=runtime)


@pytest_asyncio.fixture(loop_scope="session")
async def ruta_clean(runtime: Runtime) -> AsyncIterator[None]:
    """After the test: run pending outbox deliveries, then empty every table."""
    yield
    assert runtime.dispatcher is not None
    await runtime.dispatcher.drain()
    await empty_database(runtime)


@pytest_asyncio.fixture(loop_scope="session")
async def demo(runtime: Runtime, ruta_clean: None) -> Runtime:
    """The demo marketplace, seeded for one test (emptied afterwards like everything; the
    rows are seeded once per session and copied back: see ``engine.testing.demo_snapshot``)."""
    await seed_demo(runtime)
    return runtime


@pytest_asyncio.fixture(loop_scope="session")
async def client(app: Starlette, ruta_clean: None) -> AsyncIterator[Client]:
    async with Client(app) as c:
        yield c


def _have_migrations(manager: Any, plugins: tuple[object, ...]) -> bool:
    return any(impl.plugin in plugins
               for impl in manager.hook.ruta_migration_locations.get_hookimpls())


@pytest.fixture
def plugged(database_url: str, runtime: Runtime, ruta_clean: None) -> Any:
    """``async with plugged(plugin, ...) as client``: an app with extra plugins registered
    (besides Ruta's own; ``installed=True``: every installed plugin; ``core_only=True``:
    none) on the session's database, migrated for them first. Keyword arguments other than
    those override settings (``mode="production"``...)."""

    @asynccontextmanager
    async def make(*plugins: object, core_only: bool = False, installed: bool = False,
                   **settings: Any) -> AsyncIterator[Client]:
        source = None if core_only else "all" if installed else "ruta"
        manager = build_plugin_manager(entry_points_from=source, extra_plugins=plugins)
        rt = build_runtime(test_settings(database_url, **settings), manager)
        try:
            if installed or _have_migrations(manager, plugins):
                await upgrade(rt.db, manager)
            async with Client(create_app(runtime=rt)) as client:
                yield client
            assert rt.dispatcher is not None
            await rt.dispatcher.drain()
        finally:
            await rt.db.dispose()

    return make
