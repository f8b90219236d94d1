"""``python bench/listing.py --matrix``: the whole listing comparison in one run.

For every database (SQLite, PostgreSQL) and catalog size (1,000 and 100,000 visible products
by default) it seeds a throwaway database (``listing.seed``), counts the SQL of one request
in process (uncached GraphQL, a cached GraphQL hit, the baseline), starts three uvicorn
servers (one worker each): GraphQL without the response cache, GraphQL with
``RUTA_RESPONSE_CACHE=1``, and ``bench/baseline_app.py``, checks they return the same data,
loads each in turn (``wrk``, or httpx without it) and records p50/p99 and each server's
RSS. Then, on the cached server, a *mix with orders*: readers of the listing (which shows
``quantityAvailable``, so it depends on the stock version) and of a listing without stock
fields, while orders take stock (``engine.inventory.reservations.take_stock`` in a write
transaction, the code ``checkoutComplete`` runs) at ``--orders-per-second``; the hit rates
come from the ``X-Ruta-Cache`` header. On PostgreSQL at ``--scale-out-products`` it also
runs both apps with two workers (goal: Ruta's 2-worker/1-worker ratio at least 0.9x the
baseline's). The machine may be shared: compare ratios within the run, not absolute rates.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import listing as bench
from sqlalchemy import select

from engine.app import create_app
from engine.catalog.models import Product, ProductVariant
from engine.db.database import Database
from engine.inventory.reservations import take_stock
from engine.settings import Settings

NO_STOCK_QUERY = ("{ products(first: 50, languageCode: PT) { totalCount edges { node { id name "
                  "slug kind vendor { name slug } category { name } variants { sku price "
                  "{ amount currency } } } } } }")


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [pid], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss_mb(pid: int) -> float:
    total = 0
    for p in descendants(pid):
        with contextlib.suppress(OSError, StopIteration):
            line = next(x for x in Path(f"/proc/{p}/status").read_text().splitlines()
                        if x.startswith("VmRSS:"))
            total += int(line.split()[1])
    return round(total / 1024, 1)


async def count_cached_hit(url: str, secret: str, disabled: tuple[str, ...]) -> dict[str, Any]:
    """SQL of one cached listing request (a hit), in process."""
    app = create_app(Settings(mode="production", database_url=url, secret_key=secret,
                              disabled_plugins=disabled, response_cache=True))
    db = app.state.runtime.db
    wire = bench.WireLog(db)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://bench") as client:
            headers = {"content-type": "application/json"}
            for _ in range(2):
                await client.post("/graphql", content=bench.graphql_body(bench.PAGE),
                                  headers=headers)
            with bench.counting(db, wire) as counted:
                response = await client.post("/graphql", content=bench.graphql_body(bench.PAGE),
                                             headers=headers)
            assert response.headers.get("x-ruta-cache") == "hit", response.headers
    finally:
        await db.dispose()
    out = counted.__dict__.copy()
    out.pop("sql")
    return out


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def throughput(server: bench.Server, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    if shutil.which("wrk"):
        result = bench.wrk_load(server, args.concurrency, args.warmup, args.duration, workdir)
    else:
        result = asyncio.run(bench.httpx_load(server, args.concurrency, args.warmup,
                                              args.duration))
    out = {"rps": round(result.rps, 1), "p50_ms": round(result.p50_ms, 2),
           "p99_ms": round(result.p99_ms, 2), "errors": result.errors,
           "rss_mb": rss_mb(server.process.pid), "load1": round(os.getloadavg()[0], 2)}
    print(f"    {server.name}: {out['rps']} req/s", file=sys.stderr)
    return out


async def _variant_ids(url: str) -> list[int]:
    db = Database(url)
    try:
        async with db.read() as session:
            rows = await session.scalars(
                select(ProductVariant.id).join(Product, Product.id == ProductVariant.product_id)
                .where(Product.kind == "PHYSICAL", ProductVariant.stock > 0).limit(500))
            return list(rows)
    finally:
        await db.dispose()


async def mixed(server: bench.Server, url: str, args: argparse.Namespace) -> dict[str, Any]:
    """Readers of two listings while orders take stock; hit rate per listing."""
    bodies = {"with stock": server.body,
              "without stock": json.dumps({"query": NO_STOCK_QUERY}).encode()}
    counts = {name: {"hit": 0, "miss": 0, "other": 0} for name in bodies}
    variants = await _variant_ids(url)
    db = Database(url)
    orders = 0
    stop = time.perf_counter() + args.warmup + args.mix_duration
    start_counting = time.perf_counter() + args.warmup

    async def reader(name: str) -> None:
        async with httpx.AsyncClient(timeout=60) as client:
            while time.perf_counter() < stop:
                response = await client.post(server.url + "/graphql", content=bodies[name],
                                             headers={"content-type": "application/json"})
                if time.perf_counter() >= start_counting:
                    outcome = response.headers.get("x-ruta-cache", "other")
                    counts[name][outcome if outcome in ("hit", "miss") else "other"] += 1

    async def buyer() -> None:
        nonlocal orders
        while time.perf_counter() < stop and variants:
            async with db.write() as session:
                await take_stock(session, random.choice(variants), 1)
            if time.perf_counter() >= start_counting:
                orders += 1
            await asyncio.sleep(1 / args.orders_per_second)

    try:
        readers = [reader(name) for name in bodies for _ in range(args.concurrency // 2)]
        await asyncio.gather(buyer(), *readers)
    finally:
        await db.dispose()
    out: dict[str, Any] = {"orders_per_s": round(orders / args.mix_duration, 1)}
    for name, c in counts.items():
        total = c["hit"] + c["miss"]
        out[name] = {**c, "hit_rate": round(c["hit"] / total, 3) if total else None,
                     "rps": round((total + c["other"]) / args.mix_duration, 1)}
    return out


def cell(kind: str, products: int, args: argparse.Namespace, secret: str,
         disabled: tuple[str, ...], workdir: Path) -> dict[str, Any]:
    database = bench.create_database(None if kind == "sqlite" else args.postgres_url)
    servers: list[bench.Server] = []
    try:
        print(f"{kind} {products}: seeding...", file=sys.stderr)
        seeded = asyncio.run(bench.seed(database.url, products, disabled))
        statements = asyncio.run(bench.count_statements(database.url, secret, disabled))
        sql = {name: {k: v for k, v in by_first[bench.PAGE].items() if k != "sql"}
               for name, by_first in statements.items()}
        sql["graphql cached"] = asyncio.run(count_cached_hit(database.url, secret, disabled))
        env = {**os.environ, "RUTA_DATABASE_URL": database.url, "RUTA_MODE": "production",
               "RUTA_SECRET_KEY": secret, "RUTA_DEBUG": "0",
               "RUTA_DISABLED_PLUGINS": ",".join(disabled),
               "PYTHONPATH": os.pathsep.join(
                   p for p in (str(bench.REPO_ROOT), os.environ.get("PYTHONPATH")) if p)}
        env.pop("PYTHONDEVMODE", None)
        cached_env = {**env, "RUTA_RESPONSE_CACHE": "1"}

        def start(name: str, workers: int = 1, cached: bool = False,
                  baseline: bool = False) -> bench.Server:
            if baseline:
                server = bench.start_server(name, "baseline_app:app_from_env", "/products",
                                            bench.baseline_body(bench.PAGE), env, workdir,
                                            app_dir=bench.BENCH_DIR, workers=workers)
            else:
                server = bench.start_server(name, "engine.app:app_from_env", "/graphql",
                                            bench.graphql_body(bench.PAGE),
                                            cached_env if cached else env, workdir,
                                            workers=workers)
            servers.append(server)
            bench.wait_ready(server)
            return server

        graphql, cached, baseline = (start("graphql"), start("graphql cached", cached=True),
                                     start("baseline", baseline=True))
        bench.check_parity(graphql, baseline)
        bench.check_parity(cached, baseline)
        load = {s.name: throughput(s, args, workdir) for s in (graphql, cached, baseline)}
        mix = asyncio.run(mixed(cached, database.url, args))
        for server in list(servers):
            bench.stop_server(server)
            servers.remove(server)
        scale: dict[str, Any] | None = None
        if kind == "postgresql" and products == args.scale_out_products:
            two = {s.name: throughput(s, args, workdir)
                   for s in (start("graphql x2", workers=2),
                             start("baseline x2", workers=2, baseline=True))}
            ours = _ratio(two["graphql x2"]["rps"], load["graphql"]["rps"])
            theirs = _ratio(two["baseline x2"]["rps"], load["baseline"]["rps"])
            scale = {"load": two, "graphql_2_over_1": round(ours, 2),
                     "baseline_2_over_1": round(theirs, 2),
                     "relative": round(_ratio(ours, theirs), 2)}
        return {"database": kind, "products": products, "seed": seeded, "sql": sql,
                "load": load, "mix": mix, "scale_out": scale}
    finally:
        for server in servers:
            bench.stop_server(server)
        database.cleanup()


def render(report: dict[str, Any]) -> str:
    meta = report["meta"]
    lines = [f"Ruta listing matrix — {meta['date']}; {meta['nproc']} CPUs, load generator "
             f"{meta['load']}, concurrency {meta['concurrency']}, {meta['duration_s']} s after "
             f"{meta['warmup_s']} s warm-up, one uvicorn worker per app; load1 before "
             f"{meta['load1_before']:.1f} (a shared machine: compare ratios, not rates)", ""]
    head = (f"{'database':<11}{'products':>9}  {'app':<15}{'req/s':>8}{'p50 ms':>8}"
            f"{'p99 ms':>8}{'x base':>7}{'stmts':>6}{'chk':>5}{'RSS MB':>8}{'load1':>6}")
    lines += [head, "-" * len(head)]
    for c in report["cells"]:
        base = c["load"]["baseline"]["rps"]
        for app, name in (("graphql", "graphql"), ("graphql cached", "graphql cached"),
                          ("baseline", "baseline")):
            r, q = c["load"][app], c["sql"][name]
            lines.append(f"{c['database']:<11}{c['products']:>9}  {app:<15}{r['rps']:>8.1f}"
                         f"{r['p50_ms']:>8.1f}{r['p99_ms']:>8.1f}{r['rps'] / base:>7.2f}"
                         f"{q['statements']:>6}{q['checkouts']:>5}{r['rss_mb']:>8.1f}"
                         f"{r['load1']:>6.1f}")
    lines += ["", "totalCount at 100k vs 1k (uncached GraphQL req/s, same database):"]
    by = {(c["database"], c["products"]): c for c in report["cells"]}
    for kind in ("sqlite", "postgresql"):
        sizes = sorted(p for k, p in by if k == kind)
        if len(sizes) >= 2:
            small, large = by[(kind, sizes[0])], by[(kind, sizes[-1])]
            cost = _ratio(small["load"]["graphql"]["rps"], large["load"]["graphql"]["rps"]) - 1
            lines.append(f"  {kind}: {sizes[0]} -> {sizes[-1]}: {cost * 100:+.0f}% time a "
                         f"request (target < +10%)")
    lines += ["", "Cached reads while orders take stock (hit rate, readers' req/s):"]
    for c in report["cells"]:
        m = c["mix"]
        parts = [f"{name}: {m[name]['hit_rate']} at {m[name]['rps']} req/s"
                 for name in ("with stock", "without stock")]
        lines.append(f"  {c['database']} {c['products']}: {m['orders_per_s']} orders/s; "
                     + "; ".join(parts))
    for c in report["cells"]:
        s = c["scale_out"]
        if s:
            lines += ["", f"Scale-out ({c['database']}, {c['products']}): graphql 2/1 workers "
                          f"{s['graphql_2_over_1']}, baseline {s['baseline_2_over_1']}, "
                          f"relative {s['relative']} (target >= 0.9)"]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="bench/listing.py --matrix")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--postgres-url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/"
                                                  "postgres", help="server for the throwaway "
                        "databases (a new one is created and dropped per size)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--mix-duration", type=float, default=5.0)
    parser.add_argument("--orders-per-second", type=float, default=5.0)
    parser.add_argument("--scale-out-products", type=int, default=1000)
    parser.add_argument("--disable-plugins", default="")
    parser.add_argument("--json", type=Path, default=None)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    disabled = tuple(n.strip() for n in args.disable_plugins.split(",") if n.strip())
    secret = secrets.token_hex(20)
    report: dict[str, Any] = {"meta": {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "nproc": os.cpu_count(),
        "load": "wrk" if shutil.which("wrk") else "httpx", "concurrency": args.concurrency,
        "duration_s": args.duration, "warmup_s": args.warmup,
        "load1_before": os.getloadavg()[0], "engine": bench.engine_source(),
        "versions": bench.versions(), "disabled_plugins": list(disabled),
        "command": " ".join(["python", "bench/listing.py", "--matrix", *(argv or [])])},
        "cells": []}
    workdir = Path(tempfile.mkdtemp(prefix="ruta-bench-matrix-"))
    try:
        for kind in args.databases.split(","):
            for size in (int(s) for s in args.sizes.split(",")):
                report["cells"].append(cell(kind, size, args, secret, disabled, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(render(report))
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
    return 0
