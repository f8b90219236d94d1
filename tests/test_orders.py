"""Orders: one order split per vendor, totals to the cent, who sees what, the process."""

from __future__ import annotations

from decimal import Decimal

import httpx

from engine.catalog.models import ProductVariant
from engine.db.types import utcnow
from engine.orders.service import expire_holds
from tests.client import Client
from tests.shop import COMPLETE, Shop, build, checkout, ready

ORDER = """query($id: ID!) { order(id: $id) { id number status email total { gross { amount } }
  shippingAddress { city } vendorOrders { id status vendor { name } customerEmail
  lines { sku } } } }"""
CANCEL = "mutation($id: ID!) { orderCancel(id: $id) { order { status } errors { code } } }"
PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
FULFIL = """mutation($id: ID!, $t: String) { vendorOrderFulfill(id: $id, trackingNumber: $t) {
  vendorOrder { status trackingNumber } errors { code } } }"""


async def stock(client: Client, variant_gid: str) -> tuple[int, int]:
    from engine.api.ids import decode_id

    async with client.runtime.db.read() as session:
        variant = await session.get(ProductVariant, decode_id(variant_gid, "ProductVariant"))
        assert variant is not None
        return variant.stock, variant.seats_taken


async def place(client: Client, shop: Shop, lines: dict[str, int], token: str | None = None
                ) -> dict:  # type: ignore[type-arg]
    checkout_id = await ready(client, shop, lines, token)
    data = await client.gql(COMPLETE, {"id": checkout_id}, token)
    assert data["checkoutComplete"]["errors"] == [], data
    order: dict = data["checkoutComplete"]["order"]  # type: ignore[type-arg]
    return order


async def test_two_vendors_make_one_order_whose_parts_add_up_to_the_cent(client: Client
                                                                         ) -> None:
    shop = await build(client)
    order = await place(client, shop, {"wine": 3, "tile": 2, "ebook": 1, "tasting": 1})
    assert order["status"] == "UNPAID" and order["number"] == 1
    parts = order["vendorOrders"]
    assert [p["vendor"]["name"] for p in parts] == ["Bodega ES", "Loja PT"]
    for key in ("net", "tax", "gross"):
        assert sum(Decimal(p["total"][key]["amount"]) for p in parts) == \
            Decimal(order["total"][key]["amount"])
    # ES: 3 x 12.10 + 4.99 + 25.00 + 4.95 shipping; PT: 2 x 18.00 + 3.50 shipping
    assert [p["total"]["gross"]["amount"] for p in parts] == ["71.24", "39.50"]
    assert order["total"]["gross"]["amount"] == "110.74"
    lines = {ln["sku"]: ln for p in parts for ln in p["lines"]}
    assert {ln["productKind"] for ln in lines.values()} == {"PHYSICAL", "DIGITAL", "EVENT"}
    assert [b["status"] for ln in lines.values() for b in ln["bookings"]] == ["HELD"]
    assert await stock(client, shop.variants["wine"]) == (2, 0)
    assert (await stock(client, shop.variants["tasting"]))[1] == 1


async def test_completing_twice_returns_the_same_order(client: Client) -> None:
    shop = await build(client)
    checkout_id = await ready(client, shop, {"wine": 2})
    first = await client.gql(COMPLETE, {"id": checkout_id})
    again = await client.gql(COMPLETE, {"id": checkout_id})
    assert first["checkoutComplete"]["order"]["id"] == again["checkoutComplete"]["order"]["id"]
    assert await stock(client, shop.variants["wine"]) == (3, 0)
    edit = await client.gql("""mutation($id: ID!, $v: ID!) { checkoutLinesAdd(id: $id,
        lines: [{ variantId: $v, quantity: 1 }]) { errors { code } } }""",
                            {"id": checkout_id, "v": shop.variants["tile"]})
    assert edit["checkoutLinesAdd"]["errors"][0]["code"] == "CHECKOUT_COMPLETED"


async def test_order_numbers_are_consecutive(client: Client) -> None:
    shop = await build(client)
    numbers = [(await place(client, shop, {"tile": 1}))["number"] for _ in range(3)]
    assert numbers == [1, 2, 3]


async def test_who_sees_what_of_an_order(client: Client) -> None:
    shop = await build(client)
    ana = await client.register("ana@example.com")
    bob = await client.register("bob@example.com")
    other_vendor, _ = await client.vendor("third@example.com", "Third")
    order = await place(client, shop, {"wine": 1, "tile": 1}, ana)
    mine = (await client.gql(ORDER, {"id": order["id"]}, ana))["order"]
    assert mine["email"] == "buyer@example.com" and len(mine["vendorOrders"]) == 2
    for stranger in (bob, other_vendor, None):
        assert (await client.gql(ORDER, {"id": order["id"]}, stranger))["order"] is None
    es_view = (await client.gql(ORDER, {"id": order["id"]}, shop.es_token))["order"]
    assert [v["vendor"]["name"] for v in es_view["vendorOrders"]] == ["Bodega ES"]
    assert es_view["total"] is None  # the other vendor's amounts stay private
    assert [ln["sku"][:4] for ln in es_view["vendorOrders"][0]["lines"]] == ["SKU-"]
    listed = await client.gql("""{ myVendor { orders(first: 10) { totalCount edges { node {
        vendor { name } customerEmail } } } } }""", token=shop.pt_token)
    assert listed["myVendor"]["orders"]["totalCount"] == 1
    assert listed["myVendor"]["orders"]["edges"][0]["node"]["vendor"]["name"] == "Loja PT"
    body = await client.raw("{ vendor(slug: \"loja-pt\") { orders(first: 5) { totalCount } } }",
                            token=shop.es_token)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    my_orders = await client.gql("{ myOrders(first: 5) { totalCount } }", token=ana)
    assert my_orders["myOrders"]["totalCount"] == 1
    assert (await client.gql("{ myOrders(first: 5) { totalCount } }", token=bob)
            )["myOrders"]["totalCount"] == 0


async def test_cancelling_gives_stock_and_seats_back_exactly_once(client: Client) -> None:
    shop = await build(client)
    ana = await client.register("ana@example.com")
    order = await place(client, shop, {"wine": 2, "tasting": 2}, ana)
    assert await stock(client, shop.variants["wine"]) == (3, 0)
    assert (await stock(client, shop.variants["tasting"]))[1] == 2
    bob = await client.register("bob@example.com")
    refused = await client.gql(CANCEL, {"id": order["id"]}, bob)
    assert refused["orderCancel"]["errors"][0]["code"] == "NOT_FOUND"
    done = await client.gql(CANCEL, {"id": order["id"]}, ana)
    assert done["orderCancel"]["order"]["status"] == "CANCELLED"
    again = await client.gql(CANCEL, {"id": order["id"]}, ana)
    assert again["orderCancel"]["errors"][0]["code"] == "INVALID_STATUS"
    assert await stock(client, shop.variants["wine"]) == (5, 0)
    assert (await stock(client, shop.variants["tasting"]))[1] == 0


async def test_paid_orders_confirm_bookings_and_physical_parts_get_fulfilled(client: Client
                                                                            ) -> None:
    shop = await build(client)
    ana = await client.register("ana@example.com")
    order = await place(client, shop, {"wine": 1, "tasting": 1, "tile": 1}, ana)
    customer_paid = await client.raw(PAID, {"id": order["id"]}, ana)
    assert customer_paid["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    operator = await client.login("shop-op@example.com")
    paid = await client.gql(PAID, {"id": order["id"]}, operator)
    assert paid["orderMarkPaid"]["order"]["status"] == "PAID"
    cancel = await client.gql(CANCEL, {"id": order["id"]}, ana)
    assert cancel["orderCancel"]["errors"][0]["code"] == "INVALID_STATUS"
    es_part, pt_part = order["vendorOrders"]
    thief = await client.raw(FULFIL, {"id": es_part["id"]}, shop.pt_token)
    assert thief["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    shipped = await client.gql(FULFIL, {"id": es_part["id"], "t": "PK123ES"}, shop.es_token)
    assert shipped["vendorOrderFulfill"]["vendorOrder"] == {"status": "FULFILLED",
                                                            "trackingNumber": "PK123ES"}
    twice = await client.gql(FULFIL, {"id": es_part["id"]}, shop.es_token)
    assert twice["vendorOrderFulfill"]["errors"][0]["code"] == "INVALID_STATUS"
    await client.gql(FULFIL, {"id": pt_part["id"]}, shop.pt_token)
    final = await client.gql(ORDER + "", {"id": order["id"]}, ana)
    assert final["order"]["status"] == "FULFILLED"
    bookings = await client.gql("""query($id: ID!) { order(id: $id) { vendorOrders { lines {
        bookings { status } } } } }""", {"id": order["id"]}, ana)
    statuses = [b["status"] for v in bookings["order"]["vendorOrders"] for ln in v["lines"]
                for b in ln["bookings"]]
    assert statuses == ["CONFIRMED"]


async def test_only_physical_parts_can_be_fulfilled(client: Client) -> None:
    shop = await build(client)
    created = await checkout(client, {"ebook": 1}, shop, billingAddress={
        "firstName": "A", "lastName": "B", "streetAddress1": "C/ Mayor 1", "city": "Huelva",
        "postalCode": "21001", "country": "ES"})
    order = (await client.gql(COMPLETE, {"id": created["id"]}))["checkoutComplete"]["order"]
    operator = await client.login("shop-op@example.com")
    await client.gql(PAID, {"id": order["id"]}, operator)
    data = await client.gql(FULFIL, {"id": order["vendorOrders"][0]["id"]}, shop.es_token)
    assert data["vendorOrderFulfill"]["errors"][0]["code"] == "NOT_FULFILLABLE"


async def test_unpaid_booking_holds_expire_after_15_minutes(client: Client) -> None:
    shop = await build(client)
    await place(client, shop, {"tasting": 3})
    assert (await stock(client, shop.variants["tasting"]))[1] == 3
    from datetime import timedelta

    assert await expire_holds(client.runtime, utcnow() + timedelta(minutes=14)) == 0
    assert await expire_holds(client.runtime, utcnow() + timedelta(minutes=16)) == 1
    assert (await stock(client, shop.variants["tasting"]))[1] == 0
    assert await expire_holds(client.runtime, utcnow() + timedelta(minutes=16)) == 0


async def test_free_orders_are_paid_at_once(client: Client) -> None:
    shop = await build(client)
    free = await client.product(shop.pt_token, "Free guide", kind="DIGITAL", price="0.00",
                                digitalAsset="https://cdn.example/free.pdf")
    shop.variants["free"] = free[1]
    created = await checkout(client, {"free": 1}, shop, billingAddress={
        "firstName": "A", "lastName": "B", "streetAddress1": "Rua 1", "city": "Faro",
        "postalCode": "8000-138", "country": "PT"})
    done = await client.gql(COMPLETE, {"id": created["id"]})
    order = done["checkoutComplete"]["order"]
    assert order["status"] == "PAID" and done["checkoutComplete"]["paymentAction"] is None
    link = order["vendorOrders"][0]["lines"][0]["downloadUrl"]
    assert link.startswith(f"{client.runtime.settings.public_url}/downloads/")


async def test_download_links_are_for_the_paying_buyer_and_expire(client: Client) -> None:
    shop = await build(client)
    ana = await client.register("ana@example.com")
    created = await checkout(client, {"ebook": 1}, shop, ana, billingAddress={
        "firstName": "A", "lastName": "B", "streetAddress1": "Rua 1", "city": "Faro",
        "postalCode": "8000-138", "country": "PT"})
    order = (await client.gql(COMPLETE, {"id": created["id"]}, ana))["checkoutComplete"]["order"]
    assert order["vendorOrders"][0]["lines"][0]["downloadUrl"] is None  # not paid yet
    operator = await client.login("shop-op@example.com")
    await client.gql(PAID, {"id": order["id"]}, operator)
    query = """query($id: ID!) { order(id: $id) { vendorOrders { lines { downloadUrl } } } }"""
    link = (await client.gql(query, {"id": order["id"]}, ana))["order"]["vendorOrders"][0][
        "lines"][0]["downloadUrl"]
    for viewer in (operator, shop.es_token):
        seen = (await client.gql(query, {"id": order["id"]}, viewer))["order"]
        assert seen["vendorOrders"][0]["lines"][0]["downloadUrl"] is None
    response = await client.http.get(link.removeprefix("http://testserver"))
    assert response.status_code == 303
    assert response.headers["location"] == "https://cdn.example/r.pdf"
    token = link.rsplit("/", 1)[1]
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert (await client.http.get(f"/downloads/{tampered}")).status_code == 403
    import jwt

    claims = jwt.decode(token, options={"verify_signature": False})
    expired = jwt.encode({**claims, "exp": claims["iat"] - 1},
                         client.runtime.settings.secret_key, algorithm="HS256")
    assert (await client.http.get(f"/downloads/{expired}")).status_code == 403
    assert isinstance(client.http, httpx.AsyncClient)


async def test_the_vendor_names_the_carrier_and_tracking_number(client: Client) -> None:
    shop = await build(client)
    operator = await client.operator("carrier-op@example.com")
    order = (await client.gql(COMPLETE, {"id": await ready(client, shop, {"wine": 1})}))[
        "checkoutComplete"]["order"]
    await client.gql("mutation($id: ID!) { orderMarkPaid(id: $id) { errors { code } } }",
                     {"id": order["id"]}, operator)
    fulfil = """mutation($id: ID!, $t: String, $c: String) { vendorOrderFulfill(id: $id,
      trackingNumber: $t, carrier: $c) { vendorOrder { carrier trackingNumber status }
      errors { field code } } }"""
    too_long = await client.gql(fulfil, {"id": order["vendorOrders"][0]["id"], "t": "X1",
                                         "c": "C" * 61}, shop.es_token)
    assert too_long["vendorOrderFulfill"]["errors"] == [{"field": "carrier", "code": "TOO_LONG"}]
    done = await client.gql(fulfil, {"id": order["vendorOrders"][0]["id"], "t": "PK1",
                                     "c": "Correos"}, shop.es_token)
    assert done["vendorOrderFulfill"]["vendorOrder"] == {
        "carrier": "Correos", "trackingNumber": "PK1", "status": "FULFILLED"}
