"""Cache versions: bumped in the writing transaction (never by a rolled-back one), by
plugins through the plugin API, and time boundaries declared by resolvers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import strawberry

import engine.cache.request as cache_request
from engine.api.ids import decode_id
from engine.cache.versions import read_versions
from engine.inventory.reservations import take_stock
from engine.plugins.api import (
    CACHE_VERSION_KEY,
    CATALOG_VERSION,
    TAX_FACTS_VERSION,
    Info,
    ProductType,
    bump_cache_version,
    hookimpl,
)
from engine.runtime import Runtime
from engine.vendors.models import Vendor
from plugins.iberia.facts import SNAPSHOT
from tests.client import Client
from tests.shop import build
from tests.test_response_cache import anonymous, two_workers

Workers = Callable[..., Any]
BOUNDARY = datetime(2031, 3, 1, 9, 0, tzinfo=UTC)
FLASH = "{ products(first: 10) { edges { node { name flashSale } } } }"
PRICES = """{ products(first: 10) { edges { node { name
  pricing(country: PT) { net { amount } tax { amount } gross { amount } } } } } }"""
PROFILE = """mutation($v: ID!, $i: VendorTaxProfileInput!) {
  iberiaVendorTaxProfileUpdate(vendorId: $v, input: $i) { errors { code } } }"""


async def versions(runtime: Runtime) -> dict[str, int]:
    async with runtime.db.read() as session:
        return await read_versions(session)


async def test_a_rolled_back_write_bumps_nothing_and_a_committed_one_bumps_once(
        client: Client) -> None:
    await client.vendor("v@example.com", "Versioned")
    before = await versions(client.runtime)
    with pytest.raises(RuntimeError):
        async with client.runtime.transaction() as session:
            vendor = (await session.scalars(Vendor.__table__.select())).first()
            await session.execute(Vendor.__table__.update().values(name="Renamed"))
            raise RuntimeError("abort")
    assert await versions(client.runtime) == before
    async with client.runtime.transaction() as session:
        await session.execute(Vendor.__table__.update().values(name="Renamed"))
    after = await versions(client.runtime)
    assert after["catalog"] == before["catalog"] + 1
    assert (after["stock"], after["tax_facts"]) == (before["stock"], before["tax_facts"])
    assert vendor is not None


async def test_plugins_bump_a_version_through_the_plugin_api_at_commit(
        client: Client) -> None:
    before = await versions(client.runtime)
    async with client.runtime.transaction() as session:
        bump_cache_version(session, TAX_FACTS_VERSION)
        assert await versions(client.runtime) == before  # not before the commit
    assert (await versions(client.runtime))["tax_facts"] == before["tax_facts"] + 1
    with pytest.raises(ValueError, match="unknown cache version"):
        bump_cache_version(session, "everything")


async def flash_sale(root: ProductType, info: Info) -> str:
    """A promotion that starts at BOUNDARY (declared, so cached copies expire then)."""
    if cache_request.now_utc() < BOUNDARY:
        info.context.vary_until(BOUNDARY)
        return "starts soon"
    return "on now"


class FlashSale:
    @hookimpl
    def ruta_graphql_type_fields(self, type_name: str) -> list[Any]:
        if type_name != "Product":
            return []
        return [strawberry.field(resolver=flash_sale, name="flashSale",
                                 metadata={CACHE_VERSION_KEY: CATALOG_VERSION})]


async def test_a_declared_time_boundary_expires_the_cached_answer_in_every_worker(
        plugged: Workers, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [BOUNDARY - timedelta(minutes=5)]
    monkeypatch.setattr(cache_request, "now_utc", lambda: clock[0])
    async with two_workers(plugged, FlashSale()) as (a, b):
        token, _ = await a.vendor("flash@example.com", "Flash")
        await a.product(token, "Tomatoes")
        for worker in (a, b):
            data, outcome = await anonymous(worker, FLASH)
            assert data["products"]["edges"][0]["node"]["flashSale"] == "starts soon"
            assert (await anonymous(worker, FLASH))[1] == "hit"
        clock[0] = BOUNDARY
        for worker in (a, b):
            data, outcome = await anonymous(worker, FLASH)
            assert outcome == "miss"
            assert data["products"]["edges"][0]["node"]["flashSale"] == "on now"


async def test_an_undeclared_plugin_field_is_never_cached(plugged: Workers) -> None:
    async with two_workers(plugged) as (a, _b):
        _, vendor_id = await a.vendor("tp@example.com", "Private facts")
        query = "query($id: ID!) { vendor(id: $id) { name taxProfile { ossOptIn } } }"
        response = await a.http.post("/graphql", json={"query": query,
                                                      "variables": {"id": vendor_id}})
        assert response.json()["data"]["vendor"]["name"] == "Private facts"
        assert "x-ruta-cache" not in response.headers


async def test_an_oss_opt_in_through_another_worker_reprices_the_next_cached_read(
        plugged: Workers) -> None:
    async with two_workers(plugged) as (a, b):
        shop = await build(a)
        SNAPSHOT.clear()
        before = await versions(a.runtime)

        def recipes(data: dict[str, Any]) -> dict[str, Any]:
            node = next(e["node"] for e in data["products"]["edges"]
                        if e["node"]["name"] == "Recipes")
            return node["pricing"]  # type: ignore[no-any-return]

        data, _ = await anonymous(a, PRICES)
        assert recipes(data)["tax"]["amount"] == "0.87"  # 4.99 gross at Spanish 21 %
        assert (await anonymous(a, PRICES))[1] == "hit"
        changed = await b.gql(PROFILE, {"v": shop.es_vendor, "i": {
            "ossRegistered": True, "ossOptIn": True}}, shop.es_token)
        assert changed["iberiaVendorTaxProfileUpdate"]["errors"] == []
        SNAPSHOT.clear()  # worker a has not reloaded its facts yet
        after = await versions(a.runtime)
        assert after["tax_facts"] == before["tax_facts"] + 1
        assert after["catalog"] == before["catalog"]
        data, outcome = await anonymous(a, PRICES)
        assert outcome == "miss"
        assert recipes(data)["tax"]["amount"] == "0.93"  # Portuguese 23 %
    SNAPSHOT.clear()


async def test_an_order_taking_stock_bumps_only_the_stock_version(client: Client) -> None:
    token, _ = await client.vendor("stock@example.com", "Stocked")
    _, variant_id = await client.product(token, "Jam", stock=3)
    before = await versions(client.runtime)
    async with client.runtime.transaction() as session:
        assert await take_stock(session, decode_id(variant_id, "ProductVariant"), 1)
    after = await versions(client.runtime)
    assert after == {**before, "stock": before["stock"] + 1}
