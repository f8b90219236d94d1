"""Checkout throughput: orders per second on PostgreSQL with N workers and M concurrent buyers.

Never run as a test. See ``bench/README.md``. From the repository root::

    python bench/checkout.py                                   # 4 workers, 32 buyers, 20 s
    python bench/checkout.py --code /tmp/before                # another code snapshot

What it does:

1. creates a throwaway PostgreSQL database (``--database-url``, default a new
   ``ruta_bench_*`` on 127.0.0.1), migrates it and inserts one approved vendor with
   ``--events`` EVENT products (a bookable variant each, plenty of seats) and one "last
   seats" event with ``--scarce`` seats;
2. starts ``uvicorn engine.app:app_from_env --workers N`` (production mode);
3. **throughput**: ``--buyers`` closed-loop buyers each run ``checkoutCreate`` (one seat,
   billing address) then ``checkoutComplete`` for ``--duration`` seconds after
   ``--warmup``; reports completed orders a second and p50/p99 of the pair and of
   ``checkoutComplete`` alone; any GraphQL error or non-200 answer counts as an error;
4. **oversell**: every buyer then tries to buy the scarce event until refused; the run
   checks that exactly ``--scarce`` orders succeeded and no more seats than that were taken;
5. prints one JSON line with the figures, stops the server and drops the database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select, text

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR.parent) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR.parent))
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from listing import create_database  # noqa: E402
from servers import percentile, ruta_server  # noqa: E402

import engine.db.models  # noqa: E402,F401  (complete metadata)
from engine.api.ids import encode_id  # noqa: E402
from engine.catalog.models import Product, ProductVariant  # noqa: E402
from engine.db.database import Database  # noqa: E402
from engine.db.migrate import upgrade  # noqa: E402
from engine.plugins.manager import build_plugin_manager  # noqa: E402
from engine.vendors.models import Vendor  # noqa: E402

ADDRESS = {"firstName": "Ana", "lastName": "Silva", "streetAddress1": "Rua do Sol 1",
           "city": "Faro", "postalCode": "8000-138", "country": "PT"}
CREATE = """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) {
  checkout { id totalPrice { gross { amount } } } errors { code } } }"""
COMPLETE = """mutation($id: ID!) { checkoutComplete(id: $id) { order { id number status
  total { gross { amount } } vendorOrders { id status } } errors { code } } }"""
SCARCE_ID = 1_000_000


async def seed(url: str, events: int, scarce: int) -> None:
    db = Database(url)
    plugins = build_plugin_manager()
    plugins.hook.ruta_models()
    await upgrade(db, plugins)
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
    try:
        async with db.engine.begin() as conn:
            await conn.execute(insert(Vendor.__table__), [{
                "id": 1, "name": "Teatro", "slug": "teatro", "status": "APPROVED",
                "country": "ES", "postal_code": "21700", "region": None, "tax_id": "B21000005",
                "prices_include_tax": True, "commission_rate": Decimal("0.10"),
                "description": "", "language_code": "ES", "stripe_account_id": None}])
            ids = [*range(1, events + 1), SCARCE_ID]
            await conn.execute(insert(Product.__table__), [{
                "id": pk, "vendor_id": 1, "category_id": None, "name": f"Evento {pk}",
                "slug": f"evento-{pk}", "description": "", "kind": "EVENT",
                "tax_class": "STANDARD", "is_published": True, "language_code": "ES"}
                for pk in ids])
            await conn.execute(insert(ProductVariant.__table__), [{
                "id": pk, "product_id": pk, "vendor_id": 1, "sku": f"EV-{pk}",
                "name": "Entrada", "price": Decimal("12.50"), "stock": 0,
                "starts_at": start, "ends_at": start + timedelta(hours=2),
                "capacity": scarce if pk == SCARCE_ID else 1_000_000} for pk in ids])
            for table in ("vendor", "catalog_product", "catalog_variant"):
                await conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', "
                                        f"'id'), (SELECT max(id) FROM {table}))"))
    finally:
        await db.dispose()


async def buy(http: httpx.AsyncClient, variant: int, buyer: int) -> tuple[str, float, float]:
    """One order: ("ok" | "refused" | "error: ...", pair seconds, complete seconds)."""
    started = time.perf_counter()
    created = (await http.post("/graphql", json={"query": CREATE, "variables": {"i": {
        "email": f"buyer{buyer}@example.com", "billingAddress": ADDRESS,
        "lines": [{"variantId": encode_id("ProductVariant", variant), "quantity": 1}]}}}))
    body = created.json()
    if created.status_code != 200 or body.get("errors"):
        return f"error: create {created.status_code} {str(body)[:200]}", 0.0, 0.0
    if body["data"]["checkoutCreate"]["errors"]:  # sold out already when adding the line
        codes = {e["code"] for e in body["data"]["checkoutCreate"]["errors"]}
        return ("refused" if codes == {"INSUFFICIENT_STOCK"} else f"error: create {codes}",
                0.0, 0.0)
    checkout_id = body["data"]["checkoutCreate"]["checkout"]["id"]
    completing = time.perf_counter()
    done = await http.post("/graphql", json={"query": COMPLETE,
                                             "variables": {"id": checkout_id}})
    finished = time.perf_counter()
    body = done.json()
    if done.status_code != 200 or body.get("errors"):
        return f"error: complete {done.status_code} {str(body)[:200]}", 0.0, 0.0
    payload = body["data"]["checkoutComplete"]
    if payload["errors"]:
        codes = {e["code"] for e in payload["errors"]}
        return ("refused" if codes == {"INSUFFICIENT_STOCK"} else f"error: {codes}",
                finished - started, finished - completing)
    return "ok", finished - started, finished - completing


async def throughput(base: str, buyers: int, events: int, warmup: float,
                     duration: float) -> dict[str, Any]:
    outcomes: list[tuple[float, str, float, float]] = []
    begin = time.perf_counter()
    measure_from, measure_to = begin + warmup, begin + warmup + duration

    async def loop(buyer: int, http: httpx.AsyncClient) -> None:
        n = 0
        while time.perf_counter() < measure_to:
            n += 1
            outcome, pair, complete = await buy(http, 1 + (buyer * 7 + n) % events, buyer)
            outcomes.append((time.perf_counter(), outcome, pair, complete))

    async with httpx.AsyncClient(base_url=base, timeout=120,
                                 limits=httpx.Limits(max_connections=buyers)) as http:
        await asyncio.gather(*(loop(b, http) for b in range(buyers)))
    window = [o for o in outcomes if measure_from <= o[0] <= measure_to]
    ok = [o for o in window if o[1] == "ok"]
    errors = [o[1] for o in window if o[1].startswith("error")]
    return {"orders": len(ok), "orders_per_s": round(len(ok) / duration, 2),
            "errors": len(errors), "first_error": errors[0] if errors else None,
            "pair_p50_ms": round(1000 * percentile([o[2] for o in ok], 0.5), 1),
            "pair_p99_ms": round(1000 * percentile([o[2] for o in ok], 0.99), 1),
            "complete_p50_ms": round(1000 * percentile([o[3] for o in ok], 0.5), 1),
            "complete_p99_ms": round(1000 * percentile([o[3] for o in ok], 0.99), 1)}


async def oversell(base: str, url: str, buyers: int, scarce: int) -> dict[str, Any]:
    sold: list[str] = []

    async def loop(buyer: int, http: httpx.AsyncClient) -> None:
        while True:
            outcome, _, _ = await buy(http, SCARCE_ID, 10_000 + buyer)
            sold.append(outcome)
            if outcome != "ok":
                return

    async with httpx.AsyncClient(base_url=base, timeout=120,
                                 limits=httpx.Limits(max_connections=buyers)) as http:
        await asyncio.gather(*(loop(b, http) for b in range(buyers)))
    db = Database(url)
    try:
        async with db.read() as session:
            taken_seats = await session.scalar(select(ProductVariant.seats_taken).where(
                ProductVariant.id == SCARCE_ID))
            taken = await session.scalar(text(
                "SELECT count(*) FROM booking WHERE variant_id = :v"), {"v": SCARCE_ID})
    finally:
        await db.dispose()
    return {"scarce_seats": scarce, "scarce_orders": sold.count("ok"),
            "scarce_refused": sold.count("refused"), "scarce_seats_taken": taken_seats,
            "scarce_bookings": taken,
            "oversold": sold.count("ok") > scarce or (taken_seats or 0) > scarce,
            "other_outcomes": sorted({s for s in sold if s not in ("ok", "refused")})[:3]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url",
                        default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--buyers", type=int, default=32)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--scarce", type=int, default=50)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--code", type=Path, help="serve this code snapshot instead")
    parser.add_argument("--env", action="append", default=[],
                        help="NAME=VALUE for the server (repeatable)")
    args = parser.parse_args()
    database = create_database(args.database_url)
    try:
        asyncio.run(seed(database.url, args.events, args.scarce))
        env = dict(item.split("=", 1) for item in args.env)
        with ruta_server(database.url, workers=args.workers, code=args.code, env=env) as (
                base, _):
            result = asyncio.run(throughput(base, args.buyers, args.events, args.warmup,
                                            args.duration))
            result.update(asyncio.run(oversell(base, database.url, args.buyers, args.scarce)))
        with open("/proc/loadavg") as load:
            result["load1_after"] = float(load.read().split()[0])
        result.update({"code": str(args.code or "this checkout"), "workers": args.workers,
                       "buyers": args.buyers, "duration_s": args.duration,
                       "python": platform.python_version()})
        print(json.dumps(result))
    finally:
        database.cleanup()


if __name__ == "__main__":
    main()
