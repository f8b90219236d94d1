"""Price history and the lowest price of the previous 30 days (Directive 98/6/EC art. 6a),
promoted prices on ProductVariant for the buyer's place, and the response cache expiring
when a promotion ends or starts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, update

from engine.api.ids import decode_id
from engine.cache import request as cache_request
from engine.catalog.models import ProductVariant
from engine.price_history import recording
from engine.price_history.models import PriceHistory
from tests.client import Client
from tests.test_response_cache import anonymous

NOW = datetime.now(UTC).replace(microsecond=0)
PRICE = """mutation($id: ID!, $p: Decimal!) { productVariantUpdate(id: $id, input: {price: $p})
  { errors { field code } } }"""
PROMO = """mutation($i: PromotionInput!) { promotionCreate(input: $i) { errors { code } } }"""
SHOWN = """query($id: ID!) { product(id: $id) { variants {
  pricing(country: ES, postalCode: "28001") { net { amount } tax { amount } gross { amount } }
  promotedPricing(country: ES, postalCode: "28001") { net { amount } tax { amount }
    gross { amount } }
  promotionName
  lowestPricePrior30Days(country: ES, postalCode: "28001") { net { amount } tax { amount }
    gross { amount } } } } }"""


async def history(client: Client, variant: str) -> list[Decimal]:
    async with client.runtime.db.read() as session:
        return list(await session.scalars(select(PriceHistory.price).where(
            PriceHistory.variant_id == decode_id(variant, "ProductVariant"))
            .order_by(PriceHistory.id)))


async def test_every_price_a_variant_takes_is_recorded_whatever_writes_it(
        client: Client) -> None:
    token, _ = await client.vendor("v@example.com", "Precios")
    _, variant = await client.product(token, "Miel", price="10.00")
    assert (await client.gql(PRICE, {"id": variant, "p": "12.00"}, token)
            )["productVariantUpdate"]["errors"] == []
    await client.gql(PRICE, {"id": variant, "p": "12.00"}, token)  # unchanged: no row
    pk = decode_id(variant, "ProductVariant")
    async with client.runtime.transaction() as session:  # any ORM write path
        row = await session.get(ProductVariant, pk)
        assert row is not None
        row.price, row.stock = Decimal("11.50"), 9
    with pytest.raises(RuntimeError):  # rolled back: no row
        async with client.runtime.transaction() as session:
            row = await session.get(ProductVariant, pk)
            assert row is not None
            row.price = Decimal("1.00")
            await session.flush()
            raise RuntimeError("changed my mind")
    with pytest.raises(RuntimeError, match="price history"):
        async with client.runtime.transaction() as session:
            await session.execute(update(ProductVariant).where(ProductVariant.id == pk)
                                  .values(price=Decimal("2.00")))
    assert await history(client, variant) == [Decimal("10.00"), Decimal("12.00"),
                                              Decimal("11.50")]


def clock_at(monkeypatch: pytest.MonkeyPatch) -> Callable[[timedelta], None]:
    def set_to(ago: timedelta) -> None:
        monkeypatch.setattr(recording, "utcnow", lambda: NOW - ago)
    return set_to


async def test_the_lowest_price_of_the_30_days_before_a_promotion_is_shown_beside_it(
        client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """Directive 98/6/EC art. 6a(2): the prior price is "the lowest price applied by the
    trader during a period of time not shorter than 30 days prior to the application of
    the price reduction". The promotion started an hour ago: 10.00 was replaced before
    the window opened and does not count; 20.00 was in effect when it opened; 15.00 was
    set inside it and is the lowest; the price was raised to 25.00 before the reduction."""
    at = clock_at(monkeypatch)
    token, _ = await client.vendor("v@example.com", "Precios")
    at(timedelta(days=40))
    product, variant = await client.product(token, "Miel", price="10.00")
    for days, price in ((35, "20.00"), (25, "15.00"), (10, "25.00")):
        at(timedelta(days=days))
        await client.gql(PRICE, {"id": variant, "p": price}, token)
    shown = (await client.gql(SHOWN, {"id": product}))["product"]["variants"][0]
    assert shown["promotedPricing"] is None and shown["lowestPricePrior30Days"] is None
    assert (await client.gql(PROMO, {"i": {
        "name": "Primavera", "kind": "PERCENTAGE", "value": "20.00",
        "startsAt": (NOW - timedelta(hours=1)).isoformat()}}, token)
            )["promotionCreate"]["errors"] == []
    at(timedelta(0))
    await client.gql(PRICE, {"id": variant, "p": "30.00"}, token)  # after it started
    await client.gql(PRICE, {"id": variant, "p": "25.00"}, token)
    shown = (await client.gql(SHOWN, {"id": product}))["product"]["variants"][0]
    assert shown["pricing"]["gross"] == {"amount": "25.00"}
    assert shown["promotionName"] == "Primavera"
    assert shown["promotedPricing"] == {"net": {"amount": "16.53"}, "tax": {"amount": "3.47"},
                                        "gross": {"amount": "20.00"}}
    assert shown["lowestPricePrior30Days"] == {
        "net": {"amount": "12.40"}, "tax": {"amount": "2.60"}, "gross": {"amount": "15.00"}}


async def test_only_promotions_without_a_minimum_show_on_a_variant_and_the_best_wins(
        client: Client) -> None:
    token, _ = await client.vendor("v@example.com", "Precios")
    product, _ = await client.product(token, "Queso", price="10.00")
    started = (NOW - timedelta(days=1)).isoformat()
    for name, kind, value, extra in (("Big basket", "PERCENTAGE", "50.00",
                                      {"minSubtotal": "100.00"}),
                                     ("Ten", "PERCENTAGE", "10.00", {}),
                                     ("Two", "FIXED", "2.00", {})):
        await client.gql(PROMO, {"i": {"name": name, "kind": kind, "value": value,
                                        "startsAt": started, **extra}}, token)
    shown = (await client.gql(SHOWN, {"id": product}))["product"]["variants"][0]
    assert shown["promotionName"] == "Two"
    assert shown["promotedPricing"]["gross"] == {"amount": "8.00"}
    # the variant had no price before the promotion started: there is no prior price
    assert shown["lowestPricePrior30Days"] is None


async def test_the_cached_answer_expires_when_a_promotion_ends_or_starts(
        plugged: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [NOW]
    monkeypatch.setattr(cache_request, "now_utc", lambda: clock[0])
    async with plugged(response_cache=True) as worker:
        token, _ = await worker.vendor("v@example.com", "Precios")
        product, _ = await worker.product(token, "Pan", price="4.00")
        ends, starts = NOW + timedelta(hours=2), NOW + timedelta(hours=5)
        await worker.gql(PROMO, {"i": {"name": "Now", "kind": "FIXED", "value": "1.00",
                                       "startsAt": (NOW - timedelta(hours=1)).isoformat(),
                                       "endsAt": ends.isoformat()}}, token)
        await worker.gql(PROMO, {"i": {"name": "Later", "kind": "FIXED", "value": "2.00",
                                       "startsAt": starts.isoformat()}}, token)
        # background deliveries of these writes may touch catalog tables: let them land
        await worker.runtime.dispatcher.drain()
        query = SHOWN.replace("query($id: ID!) { product(id: $id)",
                              f'{{ product(id: "{product}")')
        data, _ = await anonymous(worker, query)
        assert data["product"]["variants"][0]["promotionName"] == "Now"
        assert (await anonymous(worker, query))[1] == "hit"
        clock[0] = ends - timedelta(seconds=1)
        assert (await anonymous(worker, query))[1] == "hit"
        clock[0] = ends  # the running promotion ends before the next one starts
        # never served from the cache again (this test's resolvers still run on the real
        # clock and see it running, so the fresh answer is not stored either)
        assert (await anonymous(worker, query))[1] != "hit"
