"""A request holds at most one database connection at a time, and reads cost few round
trips: the listing, a product page, the checkout mutations and plugin queries, measured
with pool ``checkout``/``checkin`` events and what goes on the wire (``tests/wire.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from engine.runtime import Runtime
from tests.client import Client
from tests.shop import COMPLETE, build, checkout, ready
from tests.wire import measuring

OPERATIONS = Path(__file__).resolve().parent.parent / "schema" / "operations"

LISTING = """query($n: Int!) { products(first: $n, languageCode: PT) { totalCount edges { node {
  id name slug kind vendor { name slug } category { name }
  variants { sku price { amount currency } quantityAvailable } } } } }"""

COURSES = """{ courses(first: 20) { edges { node { name vendor { name }
  course { level modules { title lessons { title locked } } } } } } }"""

EXPERTS = "{ experts(first: 50) { displayName tags weeklyPlan { weekday } } }"


async def test_the_listing_is_one_checkout_and_at_most_six_statements_on_the_wire(
        client: Client, demo: Runtime) -> None:
    await client.gql(LISTING, {"n": 50})
    for n in (5, 50):
        async with measuring(client.runtime) as cost:
            data = await client.gql(LISTING, {"n": n})
        assert data["products"]["edges"], data
        assert (cost.checkouts, cost.most_held) == (1, 1), str(cost)
        assert cost.wire <= 6, str(cost)


async def test_a_product_page_is_one_checkout(client: Client, demo: Runtime) -> None:
    query = (OPERATIONS / "ProductDetails.graphql").read_text()
    variables = {"slug": "asesoria-legal-emprendedores", "languageCode": "PT",
                 "country": "PT", "postalCode": "8000-138"}
    async with measuring(client.runtime) as cost:
        data = await client.gql(query, variables)
    assert data["product"]["vendor"]["name"], data
    assert (cost.checkouts, cost.most_held) == (1, 1), str(cost)


async def test_plugin_listings_are_one_checkout(client: Client, demo: Runtime) -> None:
    for query in (COURSES, EXPERTS):
        async with measuring(client.runtime) as cost:
            data = await client.gql(query)
        assert data, data
        assert (cost.checkouts, cost.most_held) == (1, 1), (query, str(cost))


async def test_checkout_mutations_hold_one_connection_at_a_time(client: Client) -> None:
    shop = await build(client)
    async with measuring(client.runtime) as cost:
        created = await checkout(client, {"wine": 1, "tile": 1, "ebook": 1}, shop)
    assert len(created["lines"]) == 3
    assert cost.most_held == 1, str(cost)
    assert len(cost.statements) <= 6, str(cost)
    checkout_id = await ready(client, shop, {"wine": 1, "tile": 1, "ebook": 1})
    async with measuring(client.runtime) as cost:
        data = await client.gql(COMPLETE, {"id": checkout_id})
    order = data["checkoutComplete"]["order"]
    assert len(order["vendorOrders"]) == 2, data
    assert cost.most_held == 1, str(cost)


async def test_completing_a_checkout_costs_at_most_twelve_statements(client: Client) -> None:
    """3 lines from 2 vendors, on both databases: one statement per table written, stock
    taken in one conditional UPDATE, the tax plugin's facts in one read."""
    shop = await build(client)
    first = await ready(client, shop, {"wine": 1})  # the shop's first order starts numbering
    assert (await client.gql(COMPLETE, {"id": first}))["checkoutComplete"]["order"]
    checkout_id = await ready(client, shop, {"wine": 1, "tile": 1, "ebook": 1})
    async with measuring(client.runtime) as cost:
        data = await client.gql(COMPLETE, {"id": checkout_id})
    order = data["checkoutComplete"]["order"]
    assert sorted(len(v["lines"]) for v in order["vendorOrders"]) == [1, 2], order
    assert all(line["sku"] and line["totalPrice"]["gross"]["amount"]
               for v in order["vendorOrders"] for line in v["lines"])
    assert len(cost.statements) <= 12, str(cost)


async def _drop_pooled_connections(runtime: Runtime) -> int:
    """Break every idle pooled connection behind the pool's back: PostgreSQL ends their
    backends; on SQLite the driver connections are closed."""
    pool: Any = runtime.db.engine.sync_engine.pool
    records = list(pool._pool._queue._queue)  # idle ConnectionRecords (asyncio.Queue)
    if runtime.db.is_sqlite:
        for record in records:
            await record.dbapi_connection._connection.close()  # aiosqlite
        return len(records)
    admin = create_async_engine(runtime.db.url, poolclass=NullPool)
    try:
        async with admin.connect() as conn:
            ended = await conn.scalar(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
    finally:
        await admin.dispose()
    return int(ended or 0)


async def test_a_dropped_connection_is_replaced_without_pinging_every_checkout(
        client: Client, demo: Runtime) -> None:
    assert client.runtime.db.engine.sync_engine.pool._pre_ping is False
    assert client.runtime.dispatcher is not None
    await client.gql(LISTING, {"n": 5})
    await client.runtime.dispatcher.drain()  # no background delivery holds a connection
    try:
        assert await _drop_pooled_connections(client.runtime) >= 1
        data = await client.gql(LISTING, {"n": 5})  # the failed statement is retried once
        assert len(data["products"]["edges"]) == 5
    finally:  # connections broken behind the pool's back are not handed to later tests
        await client.runtime.db.engine.dispose()
