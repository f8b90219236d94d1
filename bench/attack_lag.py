"""How long the attack documents of issue 10 (items 1 and 2) block the event loop.

Never run as a test. From the repository root::

    python bench/attack_lag.py            # current limits, then the old ones ("before")
    python bench/attack_lag.py --only new --products 1000
    git archive a9e320c | tar -x -C /tmp/base && python bench/attack_lag.py --base /tmp/base

For each of ``new`` (Ruta's limits) and ``old`` (strawberry's ``QueryDepthLimiter`` and
``MaxAliasesLimiter`` with no cost limit, as before issue 10) it fills a temp SQLite file with
``--products`` products of five vendors (``bench/listing.py``'s ``seed``), starts
``uvicorn`` on 127.0.0.1 (free port, one worker, production mode), then for each attack
document sends it while a probe requests ``/health`` every 20 ms, and
reports the attack's answer time, what it answered, and the worst and median ``/health``
latency during the attack (the event loop's lag as a client sees it), against a quiet
baseline. ``--base DIR`` adds a run of the code in DIR as it is (e.g. an export of the
commit before issue 10), for a true "before". Every request has a timeout (``--timeout``);
the loops are bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
NESTED = ("{ products(first:100){edges{node{vendor{products(first:100){edges{node{vendor"
          "{products(first:100){totalCount}}}}}}}}} }")
LISTING = ("products(first: 100) { edges { node { name variants { sku price { amount } "
           "pricing(country: ES) { gross { amount } } } pricing(country: ES) "
           "{ gross { amount } } } } }")


def fan_out(levels: int) -> str:
    parts = ["{ ...F0 }"]
    parts += [f"fragment F{i} on Query {{ __typename ...F{i + 1} ...F{i + 1} }}"
              for i in range(levels)]
    parts.append(f"fragment F{levels} on Query {{ __typename }}")
    return " ".join(parts)


ATTACKS = {
    "fan-out 16 levels": fan_out(16),
    "fan-out 20 levels": fan_out(20),
    "nested connections": NESTED,
    "30 aliased listings": "{ " + " ".join(f"a{i}: {LISTING}" for i in range(30)) + " }",
}


def serve(port: int, old: bool) -> None:
    """Run in the child process: the app, optionally with the limits of before issue 10."""
    import uvicorn
    from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

    import engine.api.schema as schema_module
    from engine.app import create_app
    from engine.settings import settings_from_env

    if old:
        limiters = (QueryDepthLimiter(max_depth=10), MaxAliasesLimiter(max_alias_count=30),
                    MaxTokensLimiter(max_token_count=5000))
        schema_module.limit_extensions = (  # type: ignore[assignment]
            lambda _settings: [lambda limiter=limiter: limiter for limiter in limiters])
    uvicorn.run(create_app(settings_from_env()), host="127.0.0.1", port=port,
                log_level="warning")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def probe(client: httpx.AsyncClient, stop: asyncio.Event) -> list[float]:
    latencies: list[float] = []
    while not stop.is_set() and len(latencies) < 10_000:
        started = time.perf_counter()
        await client.get("/health")
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(0.02)
    return latencies


async def attack(base: str, query: str, seconds: float) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=base, timeout=seconds + 5) as client:
        stop = asyncio.Event()
        health = asyncio.create_task(probe(client, stop))
        await asyncio.sleep(0.2)
        started = time.perf_counter()
        try:
            response = await client.post("/graphql", json={"query": query}, timeout=seconds)
            body = response.json()
            errors = body.get("errors") or []
            answer = (errors[0].get("extensions", {}).get("code") or errors[0]["message"][:40]
                      ) if errors else "data"
        except httpx.TimeoutException:
            answer = f"no answer in {seconds:.0f} s"
        elapsed = time.perf_counter() - started
        await asyncio.sleep(0.2)
        stop.set()
        lags = await health
    return {"seconds": elapsed, "answer": answer, "health_max": max(lags),
            "health_median": statistics.median(lags)}


async def measure(base: str, mode: str, seconds: float) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        for _ in range(100):
            with contextlib.suppress(httpx.TransportError):
                if (await client.get("/health")).status_code == 200:
                    break
            await asyncio.sleep(0.1)
        stop = asyncio.Event()
        quiet = asyncio.create_task(probe(client, stop))
        await asyncio.sleep(1)
        stop.set()
        lags = await quiet
    print(f"[{mode}] quiet: /health median {statistics.median(lags) * 1000:.1f} ms, "
          f"max {max(lags) * 1000:.1f} ms", flush=True)
    for name, query in ATTACKS.items():
        r = await attack(base, query, seconds)
        print(f"[{mode}] {name:22} answered in {r['seconds']:7.2f} s ({r['answer']}); "
              f"/health max {r['health_max'] * 1000:8.1f} ms, "
              f"median {r['health_median'] * 1000:6.1f} ms", flush=True)


def run(mode: str, seconds: float, products: int, base: str | None = None) -> None:
    from listing import seed  # bench/listing.py: migrate and bulk-insert a catalog

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/bench.db"
        asyncio.run(seed(url, products))
        env = {**os.environ, "RUTA_DATABASE_URL": url, "RUTA_SECRET_KEY": "b" * 40,
               "RUTA_MODE": "production"}
        port = free_port()
        if base is not None:
            env["PYTHONPATH"] = base
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), "--mode",
                                   mode], env=env, cwd=base or ROOT)
        try:
            asyncio.run(measure(f"http://127.0.0.1:{port}", mode, seconds))
        finally:
            server.terminate()
            server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["new", "old"])
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--base", help="a checkout of the code before, run as it is")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="new", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.mode == "old")
        return
    for mode in [args.only] if args.only else ["new", "old"]:
        run(mode, args.timeout, args.products)
    if args.base:
        run("base", args.timeout, args.products, args.base)


if __name__ == "__main__":
    base_run = "--serve" in sys.argv and "base" in sys.argv
    sys.path[:0] = [os.environ["PYTHONPATH"]] if base_run else [str(ROOT), str(ROOT / "bench")]
    main()
