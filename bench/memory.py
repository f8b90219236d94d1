"""Worker memory under a long mixed load: RSS of one uvicorn worker over N requests.

Never run as a test. See ``bench/README.md``. From the repository root::

    python bench/memory.py                                   # SQLite, 20,000 requests
    python bench/memory.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
    python bench/memory.py --code /tmp/before --requests 5000

It seeds a throwaway database like ``bench/listing.py`` (``--products``, default 1,000),
starts one worker (``uvicorn engine.app:app_from_env``, production mode) and sends
``--requests`` requests from ``--concurrency`` clients, in turn: the 50-product listing,
a product page, the listing in another language with a search filter, and an anonymous
``checkoutCreate`` (so memory sees reads, writes and several documents). It samples the
worker's RSS (``/proc/PID/status``) every ``--sample`` requests and prints one JSON line:
RSS after start-up, at the half and at the end, the growth over the second half, the
request rate, errors, and latency p50/p99 of the listing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR.parent) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR.parent))
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from listing import create_database, seed  # noqa: E402
from servers import percentile, rss_mb, ruta_server  # noqa: E402

LISTING = """{ products(first: 50, languageCode: PT) { totalCount edges { node { id name slug
  kind vendor { name slug } category { name } variants { id sku price { amount currency }
  quantityAvailable } } } } }"""
SEARCH = """query($s: String) { products(first: 20, languageCode: ES, filter: {search: $s}) {
  edges { node { name pricing(country: ES) { gross { amount } } } } } }"""
PAGE = """query($s: String!) { product(slug: $s, languageCode: PT, country: PT) { name
  description vendor { name description } category { name parent { name } }
  variants { sku pricing(country: PT) { net { amount } gross { amount } } } } }"""
CREATE = """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) {
  checkout { id totalPrice { gross { amount } } } errors { code } } }"""


async def run(base: str, pid: int, requests: int, concurrency: int, sample: int
              ) -> dict[str, Any]:
    samples: list[tuple[int, float]] = [(0, rss_mb(pid))]
    latencies: list[float] = []
    errors: list[str] = []
    sent = 0
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        first = (await http.post("/graphql", json={"query": LISTING})).json()
        edges = first["data"]["products"]["edges"]
        slugs = [e["node"]["slug"] for e in edges]
        variants = [v["id"] for e in edges for v in e["node"]["variants"]]
        next_sample = sample

        async def one(i: int) -> None:
            kind = i % 4
            payload: dict[str, Any]
            if kind == 0:
                payload = {"query": LISTING}
            elif kind == 1:
                payload = {"query": PAGE, "variables": {"s": slugs[i % len(slugs)]}}
            elif kind == 2:
                payload = {"query": SEARCH, "variables": {"s": f"produto {i % 97}"}}
            else:
                payload = {"query": CREATE, "variables": {"i": {
                    "email": f"m{i}@example.com",
                    "lines": [{"variantId": variants[i % len(variants)], "quantity": 1}]}}}
            started = time.perf_counter()
            response = await http.post("/graphql", json=payload)
            if kind == 0:
                latencies.append(time.perf_counter() - started)
            if response.status_code != 200 or response.json().get("errors"):
                errors.append(f"{response.status_code} {response.text[:200]}")

        began = time.perf_counter()
        while sent < requests:
            batch = min(concurrency, requests - sent)
            await asyncio.gather(*(one(sent + k) for k in range(batch)))
            sent += batch
            if sent >= next_sample:
                samples.append((sent, rss_mb(pid)))
                next_sample += sample
        elapsed = time.perf_counter() - began
    half = [mb for n, mb in samples if n >= requests // 2]
    return {"requests": sent, "req_per_s": round(sent / elapsed, 1), "errors": len(errors),
            "first_error": errors[0] if errors else None,
            "rss_start_mb": round(samples[0][1], 1),
            "rss_half_mb": round(half[0], 1), "rss_end_mb": round(samples[-1][1], 1),
            "rss_max_mb": round(max(mb for _, mb in samples), 1),
            "growth_second_half_mb": round(samples[-1][1] - half[0], 1),
            "listing_p50_ms": round(1000 * percentile(latencies, 0.5), 1),
            "listing_p99_ms": round(1000 * percentile(latencies, 0.99), 1),
            "samples": [(n, round(mb, 1)) for n, mb in samples]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--code", type=Path, help="serve this code snapshot instead")
    parser.add_argument("--env", action="append", default=[],
                        help="NAME=VALUE for the server (repeatable)")
    args = parser.parse_args()
    database = create_database(args.database_url)
    try:
        asyncio.run(seed(database.url, args.products))
        env = dict(item.split("=", 1) for item in args.env)
        with ruta_server(database.url, code=args.code, env=env) as (base, server):
            result = asyncio.run(run(base, server.pid, args.requests, args.concurrency,
                                     args.sample))
        with open("/proc/loadavg") as load:
            result["load1_after"] = float(load.read().split()[0])
        result["code"] = str(args.code or "this checkout")
        result["database"] = database.kind
        print(json.dumps(result))
    finally:
        database.cleanup()


if __name__ == "__main__":
    main()
