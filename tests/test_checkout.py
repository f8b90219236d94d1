"""Checkout across vendors: pricing, shipping, bad input, who may use a checkout."""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from engine.api.ids import encode_token_id
from engine.checkout.models import Checkout, CheckoutLine
from tests.client import Client
from tests.shop import (
    ADD,
    ADDRESS,
    ADDRESS_UPDATE,
    COMPLETE,
    CREATE,
    SET_QTY,
    SHIPPING,
    build,
    checkout,
    ready,
)

QUERY = """query($id: ID!) { checkout(id: $id) { id lines { quantity } totalPrice { gross {
  amount } } } }"""


async def stored(client: Client) -> tuple[int, int]:
    async with client.runtime.db.read() as session:
        checkouts = await session.scalar(select(func.count()).select_from(Checkout))
        lines = await session.scalar(select(func.count()).select_from(CheckoutLine))
    return int(checkouts or 0), int(lines or 0)


async def test_a_cart_mixes_vendors_and_kinds_and_is_priced_by_the_server(client: Client
                                                                          ) -> None:
    shop = await build(client)
    created = await checkout(client, {"wine": 2, "ebook": 1, "tile": 1, "tasting": 2}, shop)
    assert [ln["quantity"] for ln in created["lines"]] == [2, 1, 1, 2]
    vendors = {v["vendor"]["name"]: v for v in created["vendors"]}
    # 2 x 12.10 + 4.99 + 2 x 25.00
    assert vendors["Bodega ES"]["subtotalPrice"]["gross"]["amount"] == "79.19"
    assert vendors["Bodega ES"]["isShippingRequired"] is True
    assert vendors["Loja PT"]["subtotalPrice"]["gross"]["amount"] == "18.00"
    assert created["totalPrice"]["gross"]["amount"] == "97.19"
    for line in created["lines"]:  # whatever the tax plugin decided, the split is exact
        total = line["totalPrice"]
        assert Decimal(total["net"]["amount"]) + Decimal(total["tax"]["amount"]) == \
            Decimal(total["gross"]["amount"])
        assert line["taxDecision"]["treatment"]


async def test_shipping_is_chosen_per_vendor_and_free_over_the_threshold(client: Client
                                                                         ) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"wine": 1, "tile": 1})
    data = await client.gql(QUERY.replace("totalPrice { gross {\n  amount } }",
                                          "totalPrice { gross { amount } } vendors { "
                                          "shippingPrice { gross { amount } } }"),
                            {"id": checkout_id})
    shipping = [v["shippingPrice"]["gross"]["amount"] for v in data["checkout"]["vendors"]]
    assert shipping == ["4.95", "3.50"]
    assert data["checkout"]["totalPrice"]["gross"]["amount"] == "38.55"  # 12.10+18+4.95+3.50
    more = await client.gql(SET_QTY, {"id": checkout_id, "l": [
        {"variantId": shop.variants["wine"], "quantity": 5}]})
    es = more["checkoutLinesUpdate"]["checkout"]["vendors"][0]
    assert es["subtotalPrice"]["gross"]["amount"] == "60.50"
    assert es["shippingPrice"]["gross"]["amount"] == "0.00"  # free over 50.00


async def test_adding_a_variant_again_adds_to_its_line(client: Client) -> None:
    shop = await build(client)
    created = await checkout(client, {"wine": 1}, shop)
    data = await client.gql(ADD, {"id": created["id"], "l": [
        {"variantId": shop.variants["wine"], "quantity": 2},
        {"variantId": shop.variants["tile"], "quantity": 1}]})
    lines = data["checkoutLinesAdd"]["checkout"]["lines"]
    assert lines[0]["quantity"] == 3
    assert len(lines) == 2


async def test_bad_lines_get_typed_errors_and_write_nothing(client: Client) -> None:
    shop = await build(client)
    hidden, hidden_variant = await client.product(shop.es_token, "Draft", published=False)
    cases: list[tuple[list[dict[str, Any]], str, str]] = [
        ([{"variantId": shop.variants["wine"], "quantity": 0}], "lines.0.quantity",
         "INVALID_QUANTITY"),
        ([{"variantId": shop.variants["wine"], "quantity": -2}], "lines.0.quantity",
         "INVALID_QUANTITY"),
        ([{"variantId": shop.variants["wine"], "quantity": 10001}], "lines.0.quantity",
         "INVALID_QUANTITY"),
        ([{"variantId": shop.variants["wine"], "quantity": 6}], "lines.0.quantity",
         "INSUFFICIENT_STOCK"),
        ([{"variantId": shop.variants["tasting"], "quantity": 4}], "lines.0.quantity",
         "INSUFFICIENT_STOCK"),
        ([{"variantId": hidden_variant, "quantity": 1}], "lines.0.variantId",
         "PRODUCT_UNAVAILABLE"),
        ([{"variantId": hidden, "quantity": 1}], "lines.0.variantId", "INVALID_ID"),
        ([{"variantId": "UHJvZHVjdFZhcmlhbnQ6OTk5OTk=", "quantity": 1}], "lines.0.variantId",
         "PRODUCT_UNAVAILABLE"),
    ]
    for lines, field, code in cases:
        data = await client.gql(CREATE, {"i": {"email": "x@example.com", "lines": lines}})
        assert data["checkoutCreate"]["checkout"] is None, lines
        first = data["checkoutCreate"]["errors"][0]
        assert (first["field"], first["code"]) == (field, code), lines
    outside = await client.gql(CREATE, {"i": {"lines": [{"variantId": shop.variants["wine"],
                                                         "quantity": 1}],
                                              "shippingAddress": {**ADDRESS, "country": "FR"}}})
    assert outside["checkoutCreate"]["errors"][0]["code"] == "UNSUPPORTED_COUNTRY"
    assert await stored(client) == (0, 0)


async def test_completion_needs_an_address_and_shipping_for_physical_lines(client: Client
                                                                          ) -> None:
    shop = await build(client)
    created = await checkout(client, {"wine": 1}, shop)
    data = await client.gql(COMPLETE, {"id": created["id"]})
    codes = {e["code"] for e in data["checkoutComplete"]["errors"]}
    assert "SHIPPING_ADDRESS_REQUIRED" in codes and data["checkoutComplete"]["order"] is None
    await client.gql(ADDRESS_UPDATE, {"id": created["id"], "a": ADDRESS})
    data = await client.gql(COMPLETE, {"id": created["id"]})
    assert data["checkoutComplete"]["errors"][0]["code"] == "SHIPPING_METHOD_REQUIRED"
    wrong = await client.gql(SHIPPING, {"id": created["id"], "v": shop.pt_vendor,
                                        "m": shop.methods["es"]})
    assert wrong["checkoutShippingMethodUpdate"]["errors"][0]["code"] == "NOT_FOUND"
    services_only = await checkout(client, {"ebook": 1, "tasting": 1}, shop,
                                   billingAddress=ADDRESS)
    done = await client.gql(COMPLETE, {"id": services_only["id"]})
    assert done["checkoutComplete"]["errors"] == []


async def test_a_customers_checkout_is_theirs_alone(client: Client) -> None:
    shop = await build(client)
    ana = await client.register("ana@example.com")
    bob = await client.register("bob@example.com")
    mine = await checkout(client, {"wine": 1}, shop, ana)
    assert (await client.gql(QUERY, {"id": mine["id"]}, ana))["checkout"]["id"] == mine["id"]
    for other in (bob, None):
        assert (await client.gql(QUERY, {"id": mine["id"]}, other))["checkout"] is None
        data = await client.gql(ADD, {"id": mine["id"], "l": [
            {"variantId": shop.variants["tile"], "quantity": 1}]}, other)
        assert data["checkoutLinesAdd"]["errors"][0]["code"] == "NOT_FOUND"
    anonymous = await checkout(client, {"tile": 1}, shop)
    assert (await client.gql(QUERY, {"id": anonymous["id"]}, bob))["checkout"] is not None
    guessed = encode_token_id("Checkout", secrets.token_urlsafe(24))
    assert (await client.gql(QUERY, {"id": guessed}))["checkout"] is None
    malformed = await client.raw(QUERY, {"id": anonymous["id"][:-4] + "AAA="})
    assert malformed["errors"][0]["extensions"]["code"] == "INVALID_ID"


async def test_prices_come_from_the_catalog_at_completion(client: Client) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"tile": 1})
    await client.gql("""mutation($id: ID!) { productVariantUpdate(id: $id, input: {
        price: "20.00" }) { errors { code } } }""", {"id": shop.variants["tile"]}, shop.pt_token)
    done = await client.gql(COMPLETE, {"id": checkout_id})
    order = done["checkoutComplete"]["order"]
    assert order["total"]["gross"]["amount"] == "23.50"  # new price 20.00 + 3.50 shipping
