"""The response cache: anonymous catalog reads are served from a worker's memory until a
write through any worker bumps a version they depend on, or their time boundary passes.

Two apps on the same database (each with its own runtime, pool and store) stand for two
workers; run with ``RUTA_TEST_DATABASE_URL=postgres`` for PostgreSQL.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event, select

from engine.api.ids import decode_id
from engine.cache.versions import read_versions
from engine.vendors.models import Vendor
from tests.client import Client

LISTING = """{ products(first: 50, languageCode: PT) { totalCount edges { node { id name slug
  kind vendor { name slug } category { name }
  variants { sku price { amount currency } quantityAvailable } } } } }"""
NAMES = "{ products(first: 50) { totalCount edges { node { name } } } }"

Workers = Callable[..., Any]


@asynccontextmanager
async def two_workers(plugged: Workers, *plugins: object
                      ) -> AsyncIterator[tuple[Client, Client]]:
    async with plugged(*plugins, response_cache=True) as a, \
            plugged(*plugins, response_cache=True) as b:
        yield a, b


async def anonymous(client: Client, query: str = LISTING,
                    variables: dict[str, Any] | None = None) -> tuple[dict[str, Any], str]:
    response = await client.http.post("/graphql", json={"query": query,
                                                        "variables": variables or {}})
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"], response.headers.get("x-ruta-cache", "")


async def shop(client: Client) -> tuple[str, str, str]:
    """An approved vendor with one product; returns (vendor token, product id, variant id)."""
    token, _ = await client.vendor("cache@example.com", "Cache Foods")
    product_id, variant_id = await client.product(token, "Olive oil", price="10.00", stock=5)
    return token, product_id, variant_id


async def test_a_product_update_through_another_worker_is_seen_on_the_next_request(
        plugged: Workers) -> None:
    async with two_workers(plugged) as (a, b):
        token, product_id, _ = await shop(a)
        first, outcome = await anonymous(a)
        assert outcome == "miss"
        again, outcome = await anonymous(a)
        assert (again, outcome) == (first, "hit")
        await b.gql("mutation($id: ID!) { productUpdate(id: $id, input: { name: \"Olive oil "
                    "extra\" }) { errors { code } } }", {"id": product_id}, token)
        data, outcome = await anonymous(a)
        assert outcome == "miss"
        assert data["products"]["edges"][0]["node"]["name"] == "Olive oil extra"


async def test_a_price_change_is_seen_on_the_next_request(plugged: Workers) -> None:
    async with two_workers(plugged) as (a, b):
        token, _, variant_id = await shop(a)
        await anonymous(a)
        assert (await anonymous(a))[1] == "hit"
        changed = await b.gql(
            "mutation($id: ID!) { productVariantUpdate(id: $id, input: { price: \"12.30\" }) "
            "{ errors { code } } }", {"id": variant_id}, token)
        assert changed["productVariantUpdate"]["errors"] == []
        data, _ = await anonymous(a)
        variant = data["products"]["edges"][0]["node"]["variants"][0]
        assert variant["price"]["amount"] == "12.30"


async def test_a_vendor_suspension_by_any_write_path_hides_its_products_at_once(
        plugged: Workers) -> None:
    async with two_workers(plugged) as (a, b):
        _, product_id, _ = await shop(a)
        data, _ = await anonymous(a, NAMES)
        assert data["products"]["totalCount"] == 1
        assert (await anonymous(a, NAMES))[1] == "hit"
        async with b.runtime.transaction() as session:  # no mutation exists: a plain write
            vendor = await session.scalar(select(Vendor).where(Vendor.slug == "cache-foods"))
            assert vendor is not None
            vendor.status = "SUSPENDED"
        data, outcome = await anonymous(a, NAMES)
        assert outcome == "miss"
        assert data["products"] == {"totalCount": 0, "edges": []}
        assert decode_id(product_id, "Product") > 0


async def test_an_unpublished_product_disappears_on_the_next_request(plugged: Workers) -> None:
    async with two_workers(plugged) as (a, b):
        token, product_id, _ = await shop(a)
        await a.product(token, "Honey")
        data, _ = await anonymous(a, NAMES)
        assert data["products"]["totalCount"] == 2
        await anonymous(a, NAMES)
        await b.gql("mutation($id: ID!) { productUpdate(id: $id, input: { isPublished: false "
                    "}) { errors { code } } }", {"id": product_id}, token)
        data, _ = await anonymous(a, NAMES)
        assert data["products"]["totalCount"] == 1
        assert [e["node"]["name"] for e in data["products"]["edges"]] == ["Honey"]


async def test_stock_changes_refresh_stock_fields_and_leave_other_reads_cached(
        plugged: Workers) -> None:
    async with two_workers(plugged) as (a, b):
        token, _, variant_id = await shop(a)
        await anonymous(a)
        await anonymous(a, NAMES)
        async with a.runtime.db.read() as session:
            before = await read_versions(session)
        changed = await b.gql("mutation($v: ID!) { stockUpdate(variantId: $v, quantity: 2) "
                              "{ errors { code } } }", {"v": variant_id}, token)
        assert changed["stockUpdate"]["errors"] == []
        async with a.runtime.db.read() as session:
            after = await read_versions(session)
        assert after["stock"] == before["stock"] + 1
        assert after["catalog"] == before["catalog"]
        data, outcome = await anonymous(a)
        assert outcome == "miss"
        assert data["products"]["edges"][0]["node"]["variants"][0]["quantityAvailable"] == 2
        assert (await anonymous(a, NAMES))[1] == "hit"


async def test_signed_in_vendor_scoped_reads_and_mutations_are_never_cached(
        plugged: Workers) -> None:
    async with two_workers(plugged) as (a, _b):
        token, _, _ = await shop(a)
        graphql = a.app.state.graphql
        for _ in range(2):
            response = await a.http.post("/graphql", json={"query": LISTING},
                                         headers={"Authorization": f"Bearer {token}"})
            assert response.status_code == 200
            assert "x-ruta-cache" not in response.headers
            mine = await a.http.post("/graphql", json={"query": "{ myVendor { name } }"},
                                     headers={"Authorization": f"Bearer {token}"})
            assert mine.json()["data"]["myVendor"]["name"] == "Cache Foods"
            assert "x-ruta-cache" not in mine.headers
        register = await a.http.post("/graphql", json={"query": (
            "mutation { accountRegister(input: { email: \"m@example.com\", password: "
            "\"correct-horse-battery\" }) { errors { code } } }")})
        assert "x-ruta-cache" not in register.headers
        assert len(graphql.store) == 0


async def test_persisted_queries_get_etags_and_unknown_hashes_are_refused(
        plugged: Workers) -> None:
    async with two_workers(plugged) as (a, b):
        await shop(a)
        digest = hashlib.sha256(NAMES.encode()).hexdigest()
        extension = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
        unknown = await b.http.post("/graphql", json={"extensions": extension})
        assert unknown.status_code == 200
        assert unknown.json()["errors"][0]["message"] == "PersistedQueryNotFound"
        assert unknown.json()["errors"][0]["extensions"]["code"] == \
            "PERSISTED_QUERY_NOT_FOUND"
        wrong = await b.http.post("/graphql", json={"query": LISTING, "extensions": extension})
        assert wrong.status_code == 400
        registered = await b.http.post("/graphql", json={"query": NAMES,
                                                         "extensions": extension})
        assert registered.json()["data"]["products"]["totalCount"] == 1
        params = {"extensions": json.dumps(extension)}
        got = await b.http.get("/graphql", params=params)
        assert got.status_code == 200
        assert got.json()["data"]["products"]["totalCount"] == 1
        assert got.headers["cache-control"] == "public, max-age=0, must-revalidate"
        etag = got.headers["etag"]
        revalidated = await b.http.get("/graphql", params=params,
                                       headers={"If-None-Match": etag})
        assert revalidated.status_code == 304
        assert revalidated.content == b""


async def test_get_cannot_run_a_mutation(plugged: Workers) -> None:
    async with two_workers(plugged) as (a, _b):
        response = await a.http.get("/graphql", params={
            "query": "mutation { tokenRevokeAll { errors { code } } }"})
        assert response.status_code in (400, 405)


async def test_total_count_is_counted_once_per_catalog_version(client: Client) -> None:
    token, _ = await client.vendor("count@example.com", "Counter")
    await client.product(token, "One")
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "count(" in statement.lower():
            seen.append(statement)

    sync_engine = client.runtime.db.engine.sync_engine
    event.listen(sync_engine, "before_cursor_execute", record)
    try:
        assert (await client.gql(NAMES))["products"]["totalCount"] == 1
        assert (await client.gql(NAMES))["products"]["totalCount"] == 1
        assert len(seen) == 1
        await client.product(token, "Two")
        assert (await client.gql(NAMES))["products"]["totalCount"] == 2
        assert len(seen) == 2
    finally:
        event.remove(sync_engine, "before_cursor_execute", record)


async def test_a_vendor_page_with_its_products_is_cached_and_refreshed(plugged: Workers) -> None:
    query = """query($slug: String!) { vendor(slug: $slug) { name products(first: 10) {
      totalCount edges { node { name } } } } }"""
    async with two_workers(plugged) as (a, b):
        token, _, _ = await shop(a)
        variables = {"slug": "cache-foods"}
        await anonymous(a, query, variables)
        assert (await anonymous(a, query, variables))[1] == "hit"
        await b.product(token, "Honey")
        data, outcome = await anonymous(a, query, variables)
        assert outcome == "miss"
        assert data["vendor"]["products"]["totalCount"] == 2


async def test_concurrent_equal_misses_run_the_query_once(plugged: Workers) -> None:
    async with two_workers(plugged) as (a, _b):
        await shop(a)
        pages: list[str] = []

        def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if "catalog_product" in statement and "count(" not in statement.lower():
                pages.append(statement)

        sync_engine = a.runtime.db.engine.sync_engine
        event.listen(sync_engine, "before_cursor_execute", record)
        try:
            answers = await asyncio.gather(*(anonymous(a, NAMES) for _ in range(5)))
        finally:
            event.remove(sync_engine, "before_cursor_execute", record)
        assert sorted(outcome for _, outcome in answers) == ["hit"] * 4 + ["miss"]
        assert len({json.dumps(data) for data, _ in answers}) == 1
        assert len(pages) == 1
