"""The listing in process: GraphQL against the hand-written baseline, without servers.

Never run as a test. Seeds a throwaway database like ``listing.py``, then sends the same
listing request to both apps through ``httpx.ASGITransport`` in interleaved rounds and
prints the wall and CPU time per request and the ratios (baseline time / GraphQL time, the
same sense as ``listing.py``'s req/s ratio). On a loaded machine the CPU ratio is the
steadier figure: waiting for a core does not count. ``--profile FILE`` also runs the
GraphQL listing under cProfile and prints the top functions by cumulative and own time::

    python bench/profile_listing.py --products 1000 --requests 200 --rounds 3
    python bench/profile_listing.py --profile /tmp/listing.prof
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import secrets
import sys
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from listing import PAGE, baseline_body, create_database, graphql_body, seed


async def _timed(client: httpx.AsyncClient, path: str, body: bytes, n: int
                 ) -> tuple[float, float]:
    """Wall and CPU seconds per request (CPU of the whole process: the event loop and the
    aiosqlite thread; the client's share is the same for both apps)."""
    headers = {"content-type": "application/json"}
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        response = await client.post(path, content=body, headers=headers)
        if response.status_code != 200 or b'"errors"' in response.content:
            raise RuntimeError(response.text[:500])
    return (time.perf_counter() - started) / n, (time.process_time() - cpu) / n


async def run(args: argparse.Namespace) -> None:
    from baseline_app import create_app as create_baseline

    from engine.app import create_app
    from engine.gc_tuning import settle_heap
    from engine.settings import Settings

    database = create_database(args.database_url)
    try:
        await seed(database.url, args.products)
        settings = Settings(mode="production", database_url=database.url,
                            secret_key=secrets.token_urlsafe(30))
        ruta = create_app(settings)
        baseline = create_baseline(database.url, ())
        settle_heap(settings)  # as the worker's lifespan does
        clients = {
            "graphql": (httpx.AsyncClient(transport=httpx.ASGITransport(app=ruta),
                                          base_url="http://bench"), "/graphql",
                        graphql_body(PAGE)),
            "baseline": (httpx.AsyncClient(transport=httpx.ASGITransport(app=baseline),
                                           base_url="http://bench"), "/products",
                         baseline_body(PAGE))}
        for client, path, body in clients.values():
            await _timed(client, path, body, 20)  # warm up: pools, caches, imports
        for round_no in range(1, args.rounds + 1):
            took = {name: await _timed(client, path, body, args.requests)
                    for name, (client, path, body) in clients.items()}
            (wall, cpu), (base_wall, base_cpu) = took["graphql"], took["baseline"]
            print(f"round {round_no}: wall graphql {wall * 1000:.2f} ms, baseline "
                  f"{base_wall * 1000:.2f} ms, ratio {base_wall / wall:.2f}; CPU graphql "
                  f"{cpu * 1000:.2f} ms, baseline {base_cpu * 1000:.2f} ms, "
                  f"ratio {base_cpu / cpu:.2f}")
        if args.profile:
            client, path, body = clients["graphql"]
            profiler = cProfile.Profile()
            profiler.enable()
            await _timed(client, path, body, args.requests)
            profiler.disable()
            profiler.dump_stats(args.profile)
            stats: Any = pstats.Stats(profiler).sort_stats("cumulative")
            stats.print_stats(40)
            stats.sort_stats("tottime").print_stats(40)
        for client, _path, _body in clients.values():
            await client.aclose()
        await ruta.state.runtime.db.dispose()
        await baseline.state.db.dispose()
    finally:
        database.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", default=None)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
