"""Inventory never oversells: concurrent buyers, each on its own connection, on SQLite
(``BEGIN IMMEDIATE``) and PostgreSQL (conditional updates, locked checkout rows)."""

from __future__ import annotations

import asyncio
from collections import Counter

from sqlalchemy import func, select

from engine.api.ids import decode_id
from engine.catalog.models import ProductVariant
from engine.orders.models import Order
from tests.client import Client
from tests.shop import COMPLETE, build, ready

BUYERS = 20


async def variant(client: Client, gid: str) -> ProductVariant:
    async with client.runtime.db.read() as session:
        found = await session.get(ProductVariant, decode_id(gid, "ProductVariant"))
        assert found is not None
        return found


async def orders(client: Client) -> int:
    async with client.runtime.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(Order)) or 0)


async def race(client: Client, checkout_ids: list[str]) -> Counter[str]:
    results = await asyncio.gather(*(client.gql(COMPLETE, {"id": cid}) for cid in checkout_ids))
    outcome: Counter[str] = Counter()
    for result in results:
        payload = result["checkoutComplete"]
        outcome[payload["errors"][0]["code"] if payload["errors"] else "ORDERED"] += 1
    return outcome


async def test_twenty_buyers_for_five_in_stock(client: Client) -> None:
    shop = await build(client)
    async with client.runtime.db.write() as session:
        wine = await session.get(ProductVariant, decode_id(shop.variants["wine"],
                                                           "ProductVariant"))
        assert wine is not None and wine.stock == 5
    checkout_ids = [await ready(client, shop, {"wine": 1}) for _ in range(BUYERS)]
    outcome = await race(client, checkout_ids)
    assert outcome == {"ORDERED": 5, "INSUFFICIENT_STOCK": BUYERS - 5}
    assert (await variant(client, shop.variants["wine"])).stock == 0
    assert await orders(client) == 5


async def test_twenty_buyers_for_the_last_three_seats(client: Client) -> None:
    shop = await build(client)
    checkout_ids = [await ready(client, shop, {"tasting": 1}) for _ in range(BUYERS)]
    outcome = await race(client, checkout_ids)
    assert outcome == {"ORDERED": 3, "INSUFFICIENT_STOCK": BUYERS - 3}
    tasting = await variant(client, shop.variants["tasting"])
    assert (tasting.seats_taken, tasting.capacity) == (3, 3)


async def test_one_checkout_completed_ten_times_at_once_is_one_order(client: Client) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"wine": 2, "tasting": 1})
    results = await asyncio.gather(*(client.gql(COMPLETE, {"id": checkout_id})
                                     for _ in range(10)))
    ids = {r["checkoutComplete"]["order"]["id"] for r in results}
    assert len(ids) == 1 and all(not r["checkoutComplete"]["errors"] for r in results)
    assert await orders(client) == 1
    assert (await variant(client, shop.variants["wine"])).stock == 3
    assert (await variant(client, shop.variants["tasting"])).seats_taken == 1
