"""A database that is down, locked or slow: retryable errors, honest health, bounded waits
(issue 10, items 20 and 21). Run on SQLite and on PostgreSQL (RUTA_TEST_DATABASE_URL)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from engine import maintenance
from engine.accounts.tokens import issue
from engine.app import create_app
from engine.db.database import Database
from engine.db.timeouts import Timeouts
from engine.db.unavailable import is_unavailable
from engine.orders import downloads
from engine.runtime import Runtime
from engine.settings import Settings, settings_from_env
from tests.client import Client
from tests.conftest import POSTGRES_ADMIN_URL
from tests.stripe_fake import WEBHOOK_SECRET, event, signed

STRONG = "k" * 40
LISTING = {"query": "{ products(first: 5) { totalCount } }"}
REGISTER = {"query": """mutation { accountRegister(input: {email: "x@example.com",
  password: "correct-horse-battery", country: ES}) { user { id } errors { code } } }"""}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


DOWN = {
    "sqlite file that cannot be opened": "sqlite+aiosqlite:////nonexistent/dir/ruta.db",
    "postgresql port where nothing listens":
        f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/ruta",
}


@asynccontextmanager
async def http_for(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        yield http
    await app.state.runtime.db.dispose()


def unavailable_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    assert not [r for r in caplog.records if r.exc_info or r.name == "strawberry.execution"]
    return [r for r in caplog.records if r.name == "engine.unavailable"]


@pytest.mark.parametrize("url", list(DOWN.values()), ids=list(DOWN))
async def test_a_database_that_is_down_gives_a_retryable_503(
        url: str, caplog: pytest.LogCaptureFixture) -> None:
    settings = Settings(database_url=url, secret_key=STRONG,
                        stripe_webhook_secret=WEBHOOK_SECRET)
    token, _ = issue(settings, 1, 1, "access")
    async with http_for(settings) as http:
        with caplog.at_level(logging.WARNING):
            listing = await http.post("/graphql", json=LISTING)
            mutation = await http.post("/graphql", json=REGISTER)
            signed_in = await http.post("/graphql", json={"query": "{ me { email } }"},
                                        headers={"Authorization": f"Bearer {token}"})
        for response in (listing, mutation, signed_in):
            assert response.status_code == 503, response.text
            assert response.headers["retry-after"] == "5"
            error = response.json()["errors"][0]
            assert error["extensions"] == {"code": "SERVICE_UNAVAILABLE"}
            assert "retry" in error["message"]
        lines = unavailable_lines(caplog)
        assert len(lines) == 3 and all("\n" not in r.getMessage() for r in lines)
        assert "5432" not in listing.text and "nonexistent" not in listing.text
        # a request that needs no database is served
        assert (await http.post("/graphql", json={"query": "{ __typename }"})).status_code == 200
        health = await http.get("/health")
        assert (health.status_code, health.json()) == (503, {"status": "unavailable"})
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            body, headers = signed(event("account.updated", {"id": "acct_1",
                                                             "payouts_enabled": True}))
            webhook = await http.post("/webhooks/stripe", content=body, headers=headers)
            link = downloads.sign(settings, 1)
            download = await http.get(f"/downloads/{link}")
        for response in (webhook, download):
            assert response.status_code == 503
            assert response.json()["code"] == "SERVICE_UNAVAILABLE"
        assert len(unavailable_lines(caplog)) == 2


def test_timeouts_are_settings() -> None:
    settings = settings_from_env({"RUTA_DB_STATEMENT_TIMEOUT": "12.5",
                                  "RUTA_DB_LOCK_TIMEOUT": "2", "RUTA_HEALTH_PROBE_TIMEOUT": "0.5"})
    assert (settings.db_statement_timeout, settings.db_lock_timeout,
            settings.health_probe_timeout) == (12.5, 2.0, 0.5)


async def test_each_connection_has_the_configured_timeouts(plugged: Any) -> None:
    async with (plugged(db_statement_timeout=12.5, db_lock_timeout=2) as client,
                client.runtime.db.read() as session):
        if client.runtime.db.is_sqlite:
            assert await session.scalar(text("PRAGMA busy_timeout")) == 2000
        else:
            assert await session.scalar(text("SHOW statement_timeout")) == "12500ms"
            assert await session.scalar(text("SHOW lock_timeout")) == "2s"


@contextmanager
def sqlite_lock(url: str) -> Iterator[None]:
    """Another process holding the SQLite write lock (readers go on: WAL)."""
    conn = sqlite3.connect(make_url(url).database or "", isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


@asynccontextmanager
async def postgres_lock(url: str) -> AsyncIterator[None]:
    """Another session holding ``catalog_product`` exclusively (a migration, say)."""
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        await conn.execute(text("LOCK TABLE catalog_product IN ACCESS EXCLUSIVE MODE"))
        yield
        await conn.rollback()
    await engine.dispose()


@asynccontextmanager
async def locked(runtime: Runtime) -> AsyncIterator[None]:
    if runtime.db.is_sqlite:
        with sqlite_lock(runtime.db.url):
            yield
    else:
        async with postgres_lock(runtime.db.url):
            yield


async def test_a_held_lock_makes_health_degraded_and_requests_fail_fast(
        plugged: Any, caplog: pytest.LogCaptureFixture) -> None:
    """PostgreSQL: a session holds ``catalog_product`` (ACCESS EXCLUSIVE), so listings
    wait; SQLite: another process holds the write lock, so writes wait. Either way the
    wait is bounded by the lock timeout and ends in SERVICE_UNAVAILABLE, and ``/health``
    says degraded while the lock is held."""
    async with plugged(db_lock_timeout=0.3, health_probe_timeout=0.3) as client:
        client: Client
        sqlite = client.runtime.db.is_sqlite
        blocked = REGISTER if sqlite else LISTING
        assert (await client.http.get("/health")).json() == {"status": "ok"}
        async with locked(client.runtime):
            with caplog.at_level(logging.WARNING):
                health = await client.http.get("/health")
                waited = await client.http.post("/graphql", json=blocked)
            if sqlite:  # readers are not blocked on SQLite
                assert (await client.http.post("/graphql", json=LISTING)).status_code == 200
        assert health.status_code == 503
        assert health.headers["retry-after"] == "5"
        assert health.json() == {"status": "degraded", "database": "slow",
                                 "probe": "catalog_product", "timeout": 0.3}
        assert waited.status_code == 503, waited.text
        assert waited.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        assert len(unavailable_lines(caplog)) == 1
        # the lock is gone: everything is back
        assert (await client.http.get("/health")).status_code == 200
        assert (await client.gql(LISTING["query"]))["products"]["totalCount"] == 0
        registered = await client.gql(REGISTER["query"])
        assert registered["accountRegister"]["errors"] == []


async def test_a_statement_over_the_timeout_is_cut_and_retryable() -> None:
    """PostgreSQL's ``statement_timeout`` comes from the settings (the server at
    127.0.0.1:5432 is used whichever database the suite runs on)."""
    db = Database(POSTGRES_ADMIN_URL, timeouts=Timeouts(statement=0.2, lock=0.2))
    try:
        with pytest.raises(Exception) as caught:
            async with db.read() as session:
                await session.execute(text("SELECT pg_sleep(5)"))
        assert is_unavailable(caught.value)
        assert "canceling statement due to statement timeout" in str(caught.value)
    finally:
        await db.dispose()


async def test_background_ticks_log_one_line_while_the_database_is_down(
        caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(Settings(database_url=DOWN["sqlite file that cannot be opened"],
                              secret_key=STRONG))
    runtime: Runtime = app.state.runtime
    with caplog.at_level(logging.WARNING):
        task = asyncio.create_task(maintenance.run_forever(runtime, interval=0.01))
        for _ in range(3000):  # bounded: until three ticks have failed
            if len([r for r in caplog.records if r.name == "engine.maintenance"]) >= 3:
                break
            await asyncio.sleep(0.01)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await runtime.db.dispose()
    ticks = [r for r in caplog.records if r.name == "engine.maintenance"]
    assert len(ticks) >= 3
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in ticks)
    assert "unable to open database file" in ticks[0].getMessage()
