"""Vouchers: applied by code on the funding vendor's lines after its promotions, removed,
refused when unknown or over; the last use goes to exactly one of 20 racing buyers; the
per-customer limit holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from engine.demo.promotions import DEMO_PLATFORM_VOUCHER, DEMO_VOUCHER
from engine.promotions.models import Voucher, VoucherUse
from tests.client import Client
from tests.shop import COMPLETE, Shop, build, ready
from tests.test_concurrency import BUYERS, orders, race

STARTED = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0).isoformat()
VOUCHER = """mutation($i: VoucherInput!) { voucherCreate(input: $i) { voucher { code used }
  errors { field code message } } }"""
APPLY = """mutation($id: ID!, $c: String!) { checkoutVoucherApply(id: $id, code: $c) {
  checkout { voucherCode isVoucherValid lines { promotionName discount { gross { amount } }
    totalPrice { gross { amount } } } totalPrice { gross { amount } } }
  errors { field code message } } }"""
REMOVE = """mutation($id: ID!) { checkoutVoucherRemove(id: $id) { checkout { voucherCode
  lines { discount { gross { amount } } } } errors { code } } }"""
PLATFORM_APPLY = """mutation($id: ID!, $c: String!) { checkoutVoucherApply(id: $id, code: $c) {
  checkout { voucherCode isVoucherValid lines { discount { gross { amount } } }
    totalPrice { gross { amount } } platformDiscount { amount } amountDue { amount } }
  errors { field code message } } }"""
PROMO = """mutation($i: PromotionInput!) { promotionCreate(input: $i) { errors { code } } }"""


async def voucher(client: Client, token: str, **given: Any) -> None:
    data = (await client.gql(VOUCHER, {"i": {"code": "hola10", "value": "10.00",
                                             "startsAt": STARTED, **given}}, token)
            )["voucherCreate"]
    assert data["errors"] == [] and data["voucher"]["code"] == "HOLA10", data


async def test_a_voucher_combines_with_promotions_on_its_vendors_lines_only(
        client: Client) -> None:
    shop = await build(client)
    await voucher(client, shop.es_token)
    taken = (await client.gql(VOUCHER, {"i": {"code": "Hola10", "value": "5.00",
                                              "startsAt": STARTED}}, shop.pt_token)
             )["voucherCreate"]
    assert taken["errors"][0]["code"] == "DUPLICATED"
    promo = await client.gql(PROMO, {"i": {"name": "Two", "kind": "FIXED", "value": "2.10",
                                           "startsAt": STARTED}}, shop.es_token)
    assert promo["promotionCreate"]["errors"] == []
    checkout_id = await ready(client, shop, {"wine": 1, "tile": 1})
    bad = (await client.gql(APPLY, {"id": checkout_id, "c": "NOPE"}))["checkoutVoucherApply"]
    assert bad["errors"][0]["code"] == "VOUCHER_INVALID"
    applied = (await client.gql(APPLY, {"id": checkout_id, "c": " hola10 "})
               )["checkoutVoucherApply"]
    assert applied["errors"] == [] and applied["checkout"]["voucherCode"] == "HOLA10"
    wine, tile = applied["checkout"]["lines"]
    # 12.10 - 2.10 promotion = 10.00, then 10 % off = 9.00; the PT tile is untouched
    assert (wine["discount"]["gross"]["amount"], wine["totalPrice"]["gross"]["amount"]) == (
        "3.10", "9.00")
    assert tile["discount"]["gross"]["amount"] == "0.00"
    removed = (await client.gql(REMOVE, {"id": checkout_id}))["checkoutVoucherRemove"]
    assert removed["checkout"]["voucherCode"] is None
    assert removed["checkout"]["lines"][0]["discount"]["gross"]["amount"] == "2.10"


async def _with_code(client: Client, shop: Shop, token: str | None = None) -> str:
    checkout_id = await ready(client, shop, {"ebook": 1}, token)
    applied = await client.gql(APPLY, {"id": checkout_id, "c": "HOLA10"}, token)
    assert applied["checkoutVoucherApply"]["errors"] == [], applied
    return checkout_id


async def test_twenty_buyers_race_for_the_last_use_and_exactly_one_gets_it(
        client: Client) -> None:
    shop = await build(client)
    await voucher(client, shop.es_token, usageLimit=1)
    checkout_ids = [await _with_code(client, shop) for _ in range(BUYERS)]
    outcome = await race(client, checkout_ids)
    assert outcome == {"ORDERED": 1, "VOUCHER_USED_UP": BUYERS - 1}
    assert await orders(client) == 1
    async with client.runtime.db.read() as session:
        assert (await session.scalar(select(Voucher.used))) == 1
        assert len(list(await session.scalars(select(VoucherUse)))) == 1


async def test_the_per_customer_limit_holds_and_a_refused_completion_changes_nothing(
        client: Client) -> None:
    shop = await build(client)
    await voucher(client, shop.es_token, perCustomerLimit=1)
    ana = await client.register("ana@example.com")
    first = await _with_code(client, shop, ana)
    done = (await client.gql(COMPLETE, {"id": first}, ana))["checkoutComplete"]
    assert done["errors"] == []
    second = await _with_code(client, shop, ana)
    again = await client.gql(COMPLETE, {"id": second}, ana)
    assert again["checkoutComplete"]["errors"][0]["code"] == "VOUCHER_USED_UP"
    assert await orders(client) == 1
    async with client.runtime.db.read() as session:
        assert (await session.scalar(select(Voucher.used))) == 1
    bob = await client.register("bob@example.com")
    other = await _with_code(client, shop, bob)
    assert (await client.gql(COMPLETE, {"id": other}, bob))["checkoutComplete"]["errors"] == []


async def test_the_demo_runs_promotions_and_its_voucher_codes_work(demo: Any,
                                                                   client: Client) -> None:
    customer = await client.login("customer@ruta.example", "ruta-demo")
    listing = await client.gql("{ products(first: 50) { edges { node { vendor { name }"
                               " variants { id price { amount } } } } } }")
    es = [n["node"]["variants"][0]["id"] for n in listing["products"]["edges"]
          if n["node"]["vendor"]["name"] == "Bodega y Dulces del Condado"]
    created = (await client.gql(
        "mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { checkout { id } } }",
        {"i": {"lines": [{"variantId": es[0], "quantity": 1}]}}, customer)
               )["checkoutCreate"]["checkout"]["id"]
    applied = (await client.gql(APPLY, {"id": created, "c": DEMO_VOUCHER.lower()}, customer)
               )["checkoutVoucherApply"]
    assert applied["errors"] == [] and applied["checkout"]["isVoucherValid"] is True
    assert applied["checkout"]["lines"][0]["discount"]["gross"]["amount"] != "0.00"
    # the platform-funded code: the vendor's line keeps its price, the platform pays 5.00
    platform = (await client.gql(PLATFORM_APPLY, {"id": created, "c": DEMO_PLATFORM_VOUCHER},
                                 customer))["checkoutVoucherApply"]
    assert platform["errors"] == [], platform
    checkout = platform["checkout"]
    assert checkout["voucherCode"] == "RUTA5" and checkout["isVoucherValid"] is True
    assert checkout["lines"][0]["discount"]["gross"]["amount"] == "0.00"
    assert checkout["platformDiscount"]["amount"] == "5.00"
    total = Decimal(checkout["totalPrice"]["gross"]["amount"])
    assert Decimal(checkout["amountDue"]["amount"]) == total - Decimal("5.00")
