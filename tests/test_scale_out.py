"""Four workers under 50 concurrent requests stay within the configured connection budget
(counted in ``pg_stat_activity`` while the load runs, on PostgreSQL) and never answer
"Unexpected error." (on SQLite the four processes share one WAL file)."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from engine.runtime import Runtime

WORKERS, POOL_SIZE, OVERFLOW, CONCURRENCY, ROUNDS = 4, 2, 1, 50, 4
BUDGET = WORKERS * (POOL_SIZE + OVERFLOW)

LISTING = """{ products(first: 20, languageCode: PT) { totalCount edges { node { id name slug
  vendor { name } category { name } variants { id sku price { amount } } } } } }"""
PAGE = """query($s: String!) { product(slug: $s) { name vendor { name } variants { sku
  pricing(country: PT) { gross { amount } } } } }"""
CREATE = """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) {
  checkout { id totalPrice { gross { amount } } } errors { code } } }"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(database_url: str, port: int) -> Iterator[str]:
    env = {**os.environ, "RUTA_DATABASE_URL": database_url, "RUTA_MODE": "production",
           "RUTA_SECRET_KEY": secrets.token_hex(24), "RUTA_DB_POOL_SIZE": str(POOL_SIZE),
           "RUTA_DB_MAX_OVERFLOW": str(OVERFLOW), "RUTA_DB_POOL_TIMEOUT": "60"}
    ruta = str(Path(sys.executable).parent / "ruta")
    log = tempfile.TemporaryFile()  # noqa: SIM115  (closed in finally)
    server = subprocess.Popen(
        [ruta, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers",
         str(WORKERS)], env=env, stdout=subprocess.DEVNULL, stderr=log,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                log.seek(0)
                raise AssertionError(log.read().decode(errors="replace")[-3000:])
            log.seek(0)  # every worker up: one answering /health is not enough, the load
            started = log.read().count(b"Application startup complete")  # would go to it
            try:
                if started >= WORKERS and \
                        httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.5)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


async def sample_connections(database_url: str, seen: list[int], stop: asyncio.Event) -> None:
    url = make_url(database_url)
    admin = create_async_engine(url.set(database="postgres"), pool_size=1)
    try:
        async with admin.connect() as conn:
            while not stop.is_set():
                count = await conn.scalar(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = :d"),
                    {"d": url.database})
                seen.append(int(count or 0))
                await asyncio.sleep(0.02)
    finally:
        await admin.dispose()


async def load(base: str) -> list[str]:
    """ROUNDS x CONCURRENCY requests (listing, product page, checkoutCreate); the bodies."""
    async with httpx.AsyncClient(base_url=base, timeout=120,
                                 limits=httpx.Limits(max_connections=CONCURRENCY)) as http:
        first = (await http.post("/graphql", json={"query": LISTING})).json()
        edges = first["data"]["products"]["edges"]
        slugs = [e["node"]["slug"] for e in edges]
        variants = [v["id"] for e in edges for v in e["node"]["variants"]]

        async def one(i: int) -> str:
            kind = i % 3
            if kind == 0:
                payload: dict[str, Any] = {"query": LISTING}
            elif kind == 1:
                payload = {"query": PAGE, "variables": {"s": slugs[i % len(slugs)]}}
            else:
                payload = {"query": CREATE, "variables": {"i": {
                    "email": f"load{i}@example.com",
                    "lines": [{"variantId": variants[i % len(variants)], "quantity": 1}]}}}
            response = await http.post("/graphql", json=payload)
            return f"{response.status_code} {response.text}"

        bodies: list[str] = []
        for round_ in range(ROUNDS):
            bodies += await asyncio.gather(*(one(round_ * CONCURRENCY + i)
                                             for i in range(CONCURRENCY)))
        return bodies


async def test_four_workers_stay_within_the_connection_budget(demo: Runtime,
                                                              database_url: str) -> None:
    postgres = not demo.db.is_sqlite
    await demo.db.engine.dispose()  # this process holds none of the test database's
    with serving(database_url, free_port()) as base:
        seen: list[int] = []
        stop = asyncio.Event()
        sampler = asyncio.create_task(sample_connections(database_url, seen, stop)) \
            if postgres else None
        try:
            bodies = await load(base)
        finally:
            stop.set()
            if sampler is not None:
                await sampler
    assert len(bodies) == ROUNDS * CONCURRENCY
    failed = [b[:300] for b in bodies
              if not b.startswith("200 ") or json.loads(b[4:]).get("errors")]
    assert failed == [], failed
    assert not any("Unexpected error" in b for b in bodies)
    if postgres:
        assert seen and max(seen) <= BUDGET, (max(seen), BUDGET)
        assert max(seen) >= WORKERS  # the sampler saw every worker's pooled connection
