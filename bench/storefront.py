"""Storefront pages per second against the raw GraphQL listing, on ``ruta serve --demo``.

    python bench/storefront.py [--duration 10] [--concurrency 4]

Starts ``ruta serve --demo`` (one worker, a temporary SQLite database, ``RUTA_MODE=demo``)
on a free loopback port, then, for each target in turn, runs a closed loop of
``--concurrency`` httpx clients for ``--duration`` seconds after a 2-second warm-up: the
home page, the listing, a product page (the buyer's place cookie set: Faro), and the GraphQL
``products`` query the listing page runs (24 products with prices for the place), sent as a
raw ``POST /graphql``. Prints requests per second, p50 and p99 latency, and errors.
A script, never a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import free_port, percentile

LISTING = """query { products(first: 24, languageCode: PT, country: PT) { totalCount
  edges { node { id name slug kind thumbnail(size: 400) rating reviewCount
  vendor { name slug } pricing(country: PT, postalCode: "8000-283") {
  gross { amount currency } } } } } }"""
TARGETS = (("home /", "GET", "/", None), ("listing /products", "GET", "/products", None),
           ("product page", "GET", "/products/cocina-donana-ebook", None),
           ("raw GraphQL listing", "POST", "/graphql", {"query": LISTING}))
COOKIES = {"ruta_place": "PT:8000-283", "lang": "pt"}


async def load(base: str, method: str, path: str, body: dict[str, str] | None,
               concurrency: int, warmup: float, duration: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    start = time.perf_counter()
    measure_from, stop_at = start + warmup, start + warmup + duration

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while (now := time.perf_counter()) < stop_at:
            response = await client.request(method, path, json=body)
            done = time.perf_counter()
            if now >= measure_from and done <= stop_at:
                ok = response.status_code == 200 and b'"errors"' not in response.content[:200]
                latencies.append(done - now)
                errors += not ok

    async with httpx.AsyncClient(base_url=base, cookies=COOKIES, timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    latencies.sort()
    return {"rps": len(latencies) / duration, "p50_ms": percentile(latencies, 0.5) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000, "errors": errors}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ruta-bench-store-"))
    port = free_port()
    env = {**os.environ, "RUTA_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'ruta.db'}",
           "RUTA_MODE": "demo"}
    ruta = Path(sys.executable).parent / "ruta"
    with (folder / "serve.log").open("wb") as log:
        server = subprocess.Popen([str(ruta), "serve", "--demo", "--port", str(port)],
                                  cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                try:
                    if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.5)
            print(f"{'target':<22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
            for name, method, path, body in TARGETS:
                result = asyncio.run(load(base, method, path, body, args.concurrency,
                                          args.warmup, args.duration))
                print(f"{name:<22} {result['rps']:>8.1f} {result['p50_ms']:>8.1f} "
                      f"{result['p99_ms']:>8.1f} {int(result['errors']):>7}")
        finally:
            server.terminate()
            server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
