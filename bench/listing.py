"""Benchmark the product listing: the Ruta GraphQL app against a hand-written Starlette baseline.

Never run as a test. See ``bench/README.md``. Typical use, from the repository root::

    python bench/listing.py                       # SQLite temp file, 1000 products
    python bench/listing.py --products 10000 --json /tmp/listing-10k.json
    python bench/listing.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/ruta_bench
    python bench/listing.py --matrix              # everything, both databases: listing_matrix.py

What it does:

1. creates a throwaway database (a SQLite file in a temp directory, or a new PostgreSQL
   database created and dropped through the server's ``postgres`` admin database), migrates it
   with ``engine.db.migrate.upgrade`` and bulk-inserts ``--products`` published products of
   approved vendors (plus about 5% hidden ones: unpublished, or of a pending vendor);
2. counts the SQL one GraphQL listing request issues (in process, ``httpx.ASGITransport``)
   for ``first: 5`` and ``first: 50``, and the same for the baseline;
3. starts two uvicorn servers on 127.0.0.1 (free ports, 1 worker, log level warning): the real
   app (``engine.app:app_from_env``, production mode) and ``bench/baseline_app.py``;
4. checks both return the same data for the first page, then loads each in turn with a
   closed loop of ``--concurrency`` clients for ``--duration`` seconds after ``--warmup``;
5. prints a table (and ``--json FILE``), stops the servers and drops the database.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event, insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
if str(REPO_ROOT) not in sys.path:  # ``python bench/listing.py`` from anywhere
    sys.path.insert(0, str(REPO_ROOT))
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

import engine.db.models  # noqa: E402  (complete metadata; binds `engine`)
from engine.catalog.models import (  # noqa: E402
    Category,
    CategoryTranslation,
    Product,
    ProductTranslation,
    ProductVariant,
)
from engine.db.database import Database  # noqa: E402
from engine.db.migrate import upgrade  # noqa: E402
from engine.plugins.manager import ENTRY_POINT_GROUP, build_plugin_manager  # noqa: E402
from engine.vendors.models import Vendor  # noqa: E402

QUERY_TEMPLATE = (
    "{ products(first: %d, languageCode: PT) { totalCount edges { node { id name slug kind "
    "vendor { name slug } category { name } variants { sku price { amount currency } "
    "quantityAvailable } } } } }"
)
PAGE = 50
LANGUAGE = "PT"
BATCH = 5000
HIDDEN_EVERY = 20  # every 20th inserted product is hidden from the public listing
APPROVED_VENDORS = 5
CATEGORIES = 8
KINDS = ("PHYSICAL", "DIGITAL", "SERVICE", "EVENT")
EVENT_START = datetime(2030, 6, 1, 18, 0, tzinfo=UTC)
SKIP_PREFIXES = ("BEGIN", "PRAGMA", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def graphql_body(first: int) -> bytes:
    return json.dumps({"query": QUERY_TEMPLATE % first}).encode()


def baseline_body(first: int) -> bytes:
    return json.dumps({"first": first, "languageCode": LANGUAGE}).encode()


# --- throwaway database ---------------------------------------------------------------------


@dataclass
class ThrowawayDatabase:
    url: str
    kind: str  # "sqlite" or "postgresql"
    cleanup: Callable[[], None]


async def _admin_sql(admin_url: str, *statements: str) -> list[Any]:
    eng = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    out = []
    try:
        async with eng.connect() as conn:
            for sql in statements:
                result = await conn.execute(text(sql))
                out.append(result.fetchall() if result.returns_rows else None)
    finally:
        await eng.dispose()
    return out


def create_database(url: str | None) -> ThrowawayDatabase:
    """A fresh empty database; ``cleanup()`` removes it. Never reuses an existing one."""
    if url is None or url == "sqlite":
        tmp = tempfile.mkdtemp(prefix="ruta-bench-")
        return ThrowawayDatabase(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}", "sqlite",
                                 lambda: shutil.rmtree(tmp, ignore_errors=True))
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if not parsed.database or path.exists():
            raise SystemExit(f"refusing to use an existing or unnamed SQLite file: {url}")

        def remove_sqlite() -> None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        return ThrowawayDatabase(url, "sqlite", remove_sqlite)
    if parsed.get_backend_name() != "postgresql":
        raise SystemExit(f"unsupported database URL: {url}")
    name = parsed.database or ""
    if name in ("", "postgres", "template0", "template1"):
        name = f"ruta_bench_{uuid.uuid4().hex[:10]}"
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"database name must be letters, digits and underscores: {name!r}")
    admin = parsed.set(database="postgres").render_as_string(hide_password=False)
    [found] = asyncio.run(_admin_sql(
        admin, f"SELECT 1 FROM pg_database WHERE datname = '{name}'"))
    if found:
        raise SystemExit(f"database {name!r} already exists; pass a name not in use "
                         "(the benchmark creates and drops it)")
    asyncio.run(_admin_sql(admin, f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        asyncio.run(_admin_sql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return ThrowawayDatabase(parsed.set(database=name).render_as_string(hide_password=False),
                             "postgresql", drop)


# --- data -------------------------------------------------------------------------------------


def _vendor_rows() -> list[dict[str, Any]]:
    rows = []
    for k in range(1, APPROVED_VENDORS + 2):
        pending = k == APPROVED_VENDORS + 1
        rows.append({
            "id": k, "name": f"Loja {k}" if k % 2 else f"Tienda {k}", "slug": f"vendor-{k}",
            "status": "PENDING" if pending else "APPROVED", "country": "PT" if k % 2 else "ES",
            "postal_code": "1100-148" if k % 2 else "28001", "region": None,
            "tax_id": f"B{k:08d}", "prices_include_tax": True,
            "commission_rate": Decimal("0.10"), "description": f"Vendedor {k}",
            "language_code": "ES", "stripe_account_id": None,
        })
    return rows


def _product_rows(count: int) -> Iterator[tuple[dict[str, Any], dict[str, Any],
                                                 list[dict[str, Any]]]]:
    """``count`` visible products, with a hidden one in every ``HIDDEN_EVERY`` rows."""
    visible_made = 0
    pk = 0
    variant_pk = 0
    while visible_made < count:
        pk += 1
        hidden = pk % HIDDEN_EVERY == 0
        if hidden:
            vendor_id = APPROVED_VENDORS + 1 if pk % (2 * HIDDEN_EVERY) == 0 else 1
            published = vendor_id != 1  # a pending vendor's product, or an unpublished one
        else:
            visible_made += 1
            vendor_id = 1 + pk % APPROVED_VENDORS
            published = True
        kind = KINDS[pk % len(KINDS)]
        product = {
            "id": pk, "vendor_id": vendor_id,
            "category_id": None if pk % 25 == 0 else 1 + pk % CATEGORIES,
            "name": f"Producto {pk}", "slug": f"producto-{pk}",
            "description": f"Descripción del producto {pk}.", "kind": kind,
            "tax_class": "STANDARD", "is_published": published, "language_code": "ES",
        }
        translation = {"id": pk, "product_id": pk, "language_code": LANGUAGE,
                       "name": f"Produto {pk}", "description": f"Descrição do produto {pk}."}
        variants = []
        for v in range(1 + pk % 3):
            variant_pk += 1
            event_kind = kind == "EVENT"
            variants.append({
                "id": variant_pk, "product_id": pk, "vendor_id": vendor_id,
                "sku": f"SKU-{pk}-{v}", "name": f"Variante {v + 1}",
                "price": Decimal(100 + (pk * 37) % 9000 + 250 * v).scaleb(-2),
                "stock": 0 if event_kind else (pk + v) % 7,
                "starts_at": EVENT_START if event_kind else None, "ends_at": None,
                "capacity": 10 + v if event_kind else None,
            })
        yield product, translation, variants


async def seed(url: str, products: int, disabled: tuple[str, ...] = ()) -> dict[str, Any]:
    """Migrate and fill the database; returns row counts and timings."""
    db = Database(url)
    plugins = build_plugin_manager(disabled=disabled)
    plugins.hook.ruta_models()
    started = time.perf_counter()
    await upgrade(db, plugins)
    migrated = time.perf_counter()
    counts = {"products": 0, "visible_products": products, "variants": 0, "translations": 0}
    try:
        async with db.engine.begin() as conn:
            await conn.execute(insert(Vendor.__table__), _vendor_rows())
            await conn.execute(insert(Category.__table__), [
                {"id": k, "parent_id": None, "name": f"Categoría {k}", "slug": f"categoria-{k}",
                 "position": k} for k in range(1, CATEGORIES + 1)])
            await conn.execute(insert(CategoryTranslation.__table__), [
                {"id": k, "category_id": k, "language_code": LANGUAGE, "name": f"Categoria {k}"}
                for k in range(1, CATEGORIES + 1)])
            batch: tuple[list[Any], list[Any], list[Any]] = ([], [], [])

            async def flush() -> None:
                for table, rows in zip((Product.__table__, ProductTranslation.__table__,
                                        ProductVariant.__table__), batch, strict=True):
                    if rows:
                        await conn.execute(insert(table), rows)
                counts["products"] += len(batch[0])
                counts["translations"] += len(batch[1])
                counts["variants"] += len(batch[2])
                for rows in batch:
                    rows.clear()

            for product, translation, variants in _product_rows(products):
                batch[0].append(product)
                batch[1].append(translation)
                batch[2].extend(variants)
                if len(batch[0]) >= BATCH:
                    await flush()
            await flush()
            if not db.is_sqlite:  # explicit ids: move the sequences past them
                for table in ("vendor", "catalog_category", "catalog_category_translation",
                              "catalog_product", "catalog_product_translation",
                              "catalog_variant"):
                    await conn.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"))
        if not db.is_sqlite:  # what autovacuum would eventually do
            async with db.engine.connect() as conn:
                conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await conn.execute(text("VACUUM ANALYZE"))
    finally:
        await db.dispose()
    filled = time.perf_counter()
    return {**counts, "migrate_s": round(migrated - started, 2),
            "insert_s": round(filled - migrated, 2)}


# --- SQL statements per request (in process) --------------------------------------------------


@dataclass
class StatementCount:
    statements: int  # SQL the application sends (not BEGIN/ROLLBACK/PRAGMA)
    cursor_executes: int  # everything through SQLAlchemy's cursor (BEGIN included)
    checkouts: int  # pool connection checkouts (one per session)
    #: PostgreSQL: queries sent to the server, i.e. the statements plus the BEGIN, pre-ping
    #: (``BEGIN; ;ROLLBACK``) and ROLLBACK of each connection checkout
    round_trips: int | None
    sql: list[str] = field(default_factory=list)


class WireLog:
    """Counts the queries asyncpg sends outside prepared statements (BEGIN, the pre-ping's
    ``BEGIN; ;ROLLBACK``, ROLLBACK) while active; the statements are counted separately.

    Installed before the app opens its first connection: a query logger on each new one.
    """

    def __init__(self, db: Database) -> None:
        self.active: StatementCount | None = None
        if not db.is_sqlite:
            event.listen(db.engine.sync_engine.pool, "connect", self._on_connect)

    def _on_connect(self, dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection._connection.add_query_logger(self._on_query)  # asyncpg.Connection

    def _on_query(self, _record: Any) -> None:
        if self.active is not None and self.active.round_trips is not None:
            self.active.round_trips += 1


@contextlib.contextmanager
def counting(db: Database, wire: WireLog) -> Iterator[StatementCount]:
    result = StatementCount(0, 0, 0, None if db.is_sqlite else 0)
    sync_engine = db.engine.sync_engine

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        result.cursor_executes += 1
        if not statement.lstrip().upper().startswith(SKIP_PREFIXES):
            result.statements += 1
            result.sql.append(" ".join(statement.split()))

    def on_checkout(*_args: Any) -> None:
        result.checkouts += 1

    event.listen(sync_engine, "before_cursor_execute", on_execute)
    event.listen(sync_engine.pool, "checkout", on_checkout)
    wire.active = result
    try:
        yield result
    finally:
        wire.active = None
        if result.round_trips is not None:
            result.round_trips += result.statements
        event.remove(sync_engine, "before_cursor_execute", on_execute)
        event.remove(sync_engine.pool, "checkout", on_checkout)


async def count_statements(url: str, secret: str,
                           disabled: tuple[str, ...] = ()) -> dict[str, Any]:
    """Statements per listing request for ``first: 5`` and ``first: 50``, both apps."""
    from baseline_app import create_app as create_baseline

    from engine.app import create_app
    from engine.settings import Settings

    ruta = create_app(Settings(mode="production", database_url=url, secret_key=secret,
                               disabled_plugins=disabled))
    baseline = create_baseline(url, disabled)
    apps = {
        "graphql": (ruta, ruta.state.runtime.db, "/graphql", graphql_body),
        "baseline": (baseline, baseline.state.db, "/products", baseline_body),
    }
    wires = {name: WireLog(db) for name, (_app, db, _path, _body) in apps.items()}
    out: dict[str, Any] = {}
    try:
        for name, (app, db, path, body) in apps.items():
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                out[name] = {}
                for first in (5, PAGE):
                    headers = {"content-type": "application/json"}
                    for _ in range(2):  # warm the pool, then count a steady-state request
                        response = await client.post(path, content=body(first), headers=headers)
                    if response.status_code != 200:
                        raise RuntimeError(f"{name}: HTTP {response.status_code}: "
                                           f"{response.text[:500]}")
                    with counting(db, wires[name]) as counted:
                        response = await client.post(path, content=body(first), headers=headers)
                    data = response.json()
                    if "errors" in data:
                        raise RuntimeError(f"{name}: {data['errors']}")
                    edges = data["data"]["products"]["edges"]
                    out[name][first] = {**asdict(counted), "edges": len(edges)}
    finally:
        await ruta.state.runtime.db.dispose()
        await baseline.state.db.dispose()
    return out


# --- servers --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    name: str
    url: str
    path: str
    body: bytes
    process: subprocess.Popen[bytes]
    log: Path


def start_server(name: str, target: str, path: str, body: bytes, env: dict[str, str],
                 logdir: Path, app_dir: Path | None = None, workers: int = 1) -> Server:
    port = free_port()
    log = logdir / f"{name}.log"
    command = [sys.executable, "-m", "uvicorn", "--factory", target, "--host", "127.0.0.1",
               "--port", str(port), "--workers", str(workers), "--log-level", "warning",
               "--no-access-log"]
    if app_dir is not None:
        command += ["--app-dir", str(app_dir)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return Server(name, f"http://127.0.0.1:{port}", path, body, process, log)


def wait_ready(server: Server, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited ({server.process.returncode}):\n"
                               + server.log.read_text(errors="replace")[-3000:])
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(server.url + "/health", timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{server.name} not ready after {timeout} s:\n"
                       + server.log.read_text(errors="replace")[-3000:])


def stop_server(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=10)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- parity -----------------------------------------------------------------------------------


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            return f"{path or '.'}: keys {list(a)} != {list(b)}"
        for key in a:
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def check_parity(graphql: Server, baseline: Server) -> dict[str, Any]:
    bodies = {}
    for server in (graphql, baseline):
        response = httpx.post(server.url + server.path, content=server.body,
                              headers={"content-type": "application/json"}, timeout=30)
        response.raise_for_status()
        bodies[server.name] = response.json()
    ours, theirs = bodies[graphql.name], bodies[baseline.name]
    if "errors" in ours:
        raise RuntimeError(f"GraphQL errors: {ours['errors']}")
    difference = first_difference(ours, theirs)
    if difference:
        raise RuntimeError(f"GraphQL and baseline answers differ at {difference}")
    edges = ours["data"]["products"]["edges"]
    return {"identical": True, "edges": len(edges),
            "total_count": ours["data"]["products"]["totalCount"],
            "first_node": edges[0]["node"] if edges else None}


# --- load -------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    server: str
    requests: int
    errors: int
    duration_s: float
    rps: float
    p50_ms: float
    p99_ms: float
    mean_ms: float
    server_cpu: float  # share of one core the server used while measured
    client_cpu: float | None  # share of one core this process used (httpx load only)
    loadavg: float = 0.0  # 1-minute load average when the measurement ended (other work?)


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, math.ceil(q / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


async def httpx_load(server: Server, concurrency: int, warmup: float,
                     duration: float) -> LoadResult:
    """Closed loop: ``concurrency`` clients, each sending its next request on a response."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"content-type": "application/json"}
    url = server.url + server.path
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        begin = time.perf_counter()
        measure_from = begin + warmup
        stop = measure_from + duration

        async def one_client() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                t0 = time.perf_counter()
                try:
                    response = await client.post(url, content=server.body, headers=headers)
                    ok = response.status_code == 200 and b'"errors"' not in response.content
                except httpx.HTTPError:
                    ok = False
                t1 = time.perf_counter()
                if measure_from <= t1 <= stop:
                    if ok:
                        latencies.append(t1 - t0)
                    else:
                        errors += 1

        async def sample() -> tuple[float, float, float, float]:
            await asyncio.sleep(max(0.0, measure_from - time.perf_counter()))
            s0, c0 = cpu_seconds(server.process.pid), time.process_time()
            await asyncio.sleep(max(0.0, stop - time.perf_counter()))
            return s0, cpu_seconds(server.process.pid), c0, time.process_time()

        sampler = asyncio.create_task(sample())
        await asyncio.gather(*(one_client() for _ in range(concurrency)))
        s0, s1, c0, c1 = await sampler
    latencies.sort()
    return LoadResult(
        server=server.name, requests=len(latencies), errors=errors, duration_s=duration,
        rps=len(latencies) / duration, p50_ms=percentile(latencies, 50) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
        mean_ms=statistics.fmean(latencies) * 1000 if latencies else float("nan"),
        server_cpu=(s1 - s0) / duration, client_cpu=(c1 - c0) / duration)


WRK_SCRIPT = """
wrk.method = "POST"
wrk.body = %s
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT %%d %%d %%d %%d %%d %%f\\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.mean))
end
"""


def _lua_string(value: bytes) -> str:
    return '"' + value.decode().replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk_load(server: Server, concurrency: int, warmup: float, duration: float,
             workdir: Path) -> LoadResult:
    """The same closed loop with ``wrk`` (one thread, ``concurrency`` connections)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk) — or use --load httpx")
    script = workdir / f"{server.name}.lua"
    script.write_text(WRK_SCRIPT % _lua_string(server.body))

    def run(seconds: float) -> str:
        command = [wrk, "-t1", f"-c{concurrency}", f"-d{max(1, round(seconds))}s",
                   "--timeout", "60s", "-s", str(script), server.url + server.path]
        return subprocess.run(command, capture_output=True, text=True, check=True,
                              timeout=seconds + 120).stdout

    if warmup > 0:
        run(warmup)
    s0 = cpu_seconds(server.process.pid)
    output = run(duration)
    s1 = cpu_seconds(server.process.pid)
    line = next(x for x in output.splitlines() if x.startswith("RESULT "))
    requests, errors, duration_us, p50_us, p99_us, mean_us = line.split()[1:]
    elapsed = int(duration_us) / 1e6
    return LoadResult(
        server=server.name, requests=int(requests) - int(errors), errors=int(errors),
        duration_s=round(elapsed, 3), rps=(int(requests) - int(errors)) / elapsed,
        p50_ms=int(p50_us) / 1000, p99_ms=int(p99_us) / 1000, mean_ms=float(mean_us) / 1000,
        server_cpu=(s1 - s0) / elapsed, client_cpu=None)


# --- report -----------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    out = {}
    for dist in ("strawberry-graphql", "graphql-core", "starlette", "SQLAlchemy", "uvicorn",
                 "httpx", "aiosqlite", "asyncpg"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            out[dist] = importlib.metadata.version(dist)
    out["uvicorn loop"] = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    out["uvicorn http"] = "httptools" if importlib.util.find_spec("httptools") else "h11"
    return out


def engine_source() -> str:
    """Where ``engine`` was imported from, and its git commit when that is a checkout."""
    where = str(Path(engine.__file__).resolve().parent.parent)
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(["git", "-C", where, "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", where, "status", "--porcelain", "engine"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return f"{where} @ {commit}{' (engine/ modified)' if dirty else ''}"
    return where


def plugins_loaded(disabled: tuple[str, ...]) -> list[str]:
    from engine.plugins.manager import plugin_names

    return plugin_names(build_plugin_manager(disabled=disabled))


def render(report: dict[str, Any]) -> str:
    meta, lines = report["meta"], []
    lines.append(f"Ruta product listing benchmark — {meta['date']}, {meta['database']}, "
                 f"{report['seed']['visible_products']} visible products "
                 f"({report['seed']['products']} rows, {report['seed']['variants']} variants)")
    lines.append(f"machine: {meta['nproc']} CPUs, Python {meta['python']}, "
                 f"{meta['platform']}; load: {meta['load']} closed loop, concurrency "
                 f"{meta['concurrency']}, {meta['duration_s']} s after {meta['warmup_s']} s "
                 f"warm-up; uvicorn 1 worker ({meta['versions']['uvicorn loop']}/"
                 f"{meta['versions']['uvicorn http']})")
    lines.append(f"engine: {meta['engine']}; plugins: {', '.join(meta['plugins'])}")
    lines.append(f"seed: migrate {report['seed']['migrate_s']} s, "
                 f"insert {report['seed']['insert_s']} s")
    lines.append("")
    header = (f"{'server':<10} {'requests':>9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'mean ms':>8} {'errors':>7} {'srv CPU':>8} {'cli CPU':>8} {'load1':>6}")
    lines.append(header)
    lines.append("-" * len(header))
    for r in report["load"]:
        row = (f"{r['server']:<10} {r['requests']:>9} {r['rps']:>9.1f} {r['p50_ms']:>8.2f} "
               f"{r['p99_ms']:>8.2f} {r['mean_ms']:>8.2f} {r['errors']:>7} "
               f"{r['server_cpu'] * 100:>7.0f}% "
               + (f"{r['client_cpu'] * 100:>7.0f}%" if r["client_cpu"] is not None
                  else f"{'-':>8}") + f" {r['loadavg']:>6.2f}")
        lines.append(row)
    ratio = report["ratio"]
    lines.append("")
    lines.append(f"GraphQL/baseline: req/s {ratio['rps']:.2f}  p50 {ratio['p50']:.2f}x  "
                 f"p99 {ratio['p99']:.2f}x   (target: req/s ratio >= 0.50)")
    lines.append("")
    lines.append("SQL per listing request (in process, steady state):")
    lines.append(f"  {'app':<10} {'first':>5} {'statements':>11} {'incl. BEGIN':>11} "
                 f"{'checkouts':>10} {'round trips':>12}")
    for name, by_first in report["statements"].items():
        for first, c in by_first.items():
            wire = "-" if c["round_trips"] is None else str(c["round_trips"])
            lines.append(f"  {name:<10} {first:>5} {c['statements']:>11} "
                         f"{c['cursor_executes']:>11} {c['checkouts']:>10} {wire:>12}")
    lines.append("  (target: <= 5 statements whatever the page size)")
    return "\n".join(lines)


# --- main -------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=1000,
                        help="published products of approved vendors (default 1000)")
    parser.add_argument("--database-url", default=None,
                        help="default: a SQLite temp file; or postgresql+asyncpg://USER@HOST:"
                             "PORT/NAME (NAME is created and dropped; it must not exist)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds before measuring")
    parser.add_argument("--load", choices=("httpx", "wrk"), default="httpx",
                        help="load generator: httpx in this process (default) or wrk")
    parser.add_argument("--disable-plugins", default="",
                        help="comma-separated plugin names not to load (RUTA_DISABLED_PLUGINS)")
    parser.add_argument("--core-only", action="store_true",
                        help="disable every installed ruta.plugins entry point (measure the core)")
    parser.add_argument("--show-sql", action="store_true",
                        help="print the statements of one first:50 GraphQL request")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    args = parser.parse_args(argv)
    if args.products < 1 or args.concurrency < 1 or args.duration <= 0 or args.warmup < 0:
        parser.error("--products, --concurrency and --duration must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    secret = secrets.token_hex(20)  # 40 characters
    loadavg_before = os.getloadavg()[0]
    disabled = tuple(n.strip() for n in args.disable_plugins.split(",") if n.strip())
    if args.core_only:
        disabled += tuple(sorted({ep.name for ep in importlib.metadata.entry_points(
            group=ENTRY_POINT_GROUP)} - set(disabled)))
    database = create_database(args.database_url)
    servers: list[Server] = []
    workdir = Path(tempfile.mkdtemp(prefix="ruta-bench-run-"))
    try:
        print(f"creating {database.kind} database with {args.products} products...",
              file=sys.stderr)
        seeded = asyncio.run(seed(database.url, args.products, disabled))
        print(f"seeded in {seeded['migrate_s'] + seeded['insert_s']:.1f} s; counting SQL...",
              file=sys.stderr)
        statements = asyncio.run(count_statements(database.url, secret, disabled))
        if args.show_sql:
            for sql in statements["graphql"][PAGE]["sql"]:
                print("  SQL:", sql[:300], file=sys.stderr)
        for by_first in statements.values():
            for counted in by_first.values():
                counted.pop("sql")

        env = {**os.environ, "RUTA_DATABASE_URL": database.url, "RUTA_MODE": "production",
               "RUTA_SECRET_KEY": secret, "RUTA_DEBUG": "0",
               "RUTA_DISABLED_PLUGINS": ",".join(disabled),
               "PYTHONPATH": os.pathsep.join(
                   p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH")) if p)}
        env.pop("PYTHONDEVMODE", None)
        graphql = start_server("graphql", "engine.app:app_from_env", "/graphql",
                               graphql_body(PAGE), env, workdir)
        servers.append(graphql)
        baseline = start_server("baseline", "baseline_app:app_from_env", "/products",
                                baseline_body(PAGE), env, workdir, app_dir=BENCH_DIR)
        servers.append(baseline)
        for server in servers:
            wait_ready(server)
        parity = check_parity(graphql, baseline)
        print(f"servers ready, same data for the first page ({parity['edges']} products); "
              f"loading each for {args.warmup} + {args.duration} s...", file=sys.stderr)

        results = []
        for server in (graphql, baseline):
            if args.load == "wrk":
                result = wrk_load(server, args.concurrency, args.warmup, args.duration,
                                  workdir)
            else:
                result = asyncio.run(httpx_load(server, args.concurrency, args.warmup,
                                                args.duration))
            result.loadavg = os.getloadavg()[0]
            results.append(result)
            print(f"  {server.name}: {result.rps:.1f} req/s", file=sys.stderr)

        by_name = {r.server: r for r in results}
        g, b = by_name["graphql"], by_name["baseline"]
        report = {
            "meta": {
                "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                "loadavg_before": loadavg_before,
                "database": database.kind, "nproc": os.cpu_count(),
                "python": platform.python_version(), "platform": platform.platform(),
                "load": args.load, "concurrency": args.concurrency,
                "duration_s": args.duration, "warmup_s": args.warmup,
                "command": " ".join([Path(sys.executable).name, *sys.argv]),
                "versions": versions(), "query": QUERY_TEMPLATE % PAGE,
                "engine": engine_source(), "disabled_plugins": list(disabled),
                "plugins": plugins_loaded(disabled),
            },
            "seed": seeded,
            "parity": parity,
            "statements": statements,
            "load": [asdict(r) for r in results],
            "ratio": {"rps": g.rps / b.rps if b.rps else float("nan"),
                      "p50": g.p50_ms / b.p50_ms if b.p50_ms else float("nan"),
                      "p99": g.p99_ms / b.p99_ms if b.p99_ms else float("nan")},
        }
        print(render(report))
        if args.json is not None:
            args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
        return 0
    finally:
        for server in servers:
            stop_server(server)
        shutil.rmtree(workdir, ignore_errors=True)
        database.cleanup()


if __name__ == "__main__":
    if "--matrix" in sys.argv[1:]:  # the full comparison: see bench/listing_matrix.py
        import listing_matrix

        sys.exit(listing_matrix.main([a for a in sys.argv[1:] if a != "--matrix"]))
    sys.exit(main())
