"""Return requests within the 14-day withdrawal period: the buyer asks, the vendor's staff
approve (the rest of that vendor order is refunded through the core) or refuse with a note;
nobody else sees or decides them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from engine.db.types import utcnow
from engine.orders.models import Order
from tests.client import Client
from tests.shop import COMPLETE, Shop, build, ready

CREATE = """mutation($v: ID!, $r: String!) { returnRequestCreate(vendorOrderId: $v, reason: $r) {
  returnRequest { id status reason vendorOrder { id orderNumber } } errors { field code } } }"""
DECIDE = """mutation($id: ID!, $a: Boolean!, $n: String!) { returnRequestDecide(id: $id,
  approve: $a, note: $n) { returnRequest { status vendorNote vendorOrder { status } }
  errors { field code } } }"""
LIST = "{ myVendorReturnRequests { id status reason } }"
PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"


async def paid_order(client: Client, shop: Shop, buyer: str) -> dict[str, str]:
    """A paid order of wine (ES vendor) and a tile (PT vendor); {vendor name: part id}."""
    checkout_id = await ready(client, shop, {"wine": 1, "tile": 1}, buyer)
    order = (await client.gql(COMPLETE, {"id": checkout_id}, buyer))["checkoutComplete"]["order"]
    operator = await client.login("shop-op@example.com")
    await client.gql(PAID, {"id": order["id"]}, operator)
    return {part["vendor"]["name"]: part["id"] for part in order["vendorOrders"]}


async def test_a_buyer_asks_and_the_vendor_approves_and_refunds(client: Client) -> None:
    shop = await build(client)
    buyer = await client.register("buyer@example.com")
    parts = await paid_order(client, shop, buyer)
    wine = parts["Bodega ES"]
    stranger = await client.register("stranger@example.com")
    other = await client.gql(CREATE, {"v": wine, "r": "Broken bottle"}, stranger)
    assert other["returnRequestCreate"]["errors"] == [{"field": "vendorOrderId",
                                                       "code": "NOT_FOUND"}]
    made = (await client.gql(CREATE, {"v": wine, "r": "Broken bottle"}, buyer)
            )["returnRequestCreate"]
    assert made["returnRequest"]["status"] == "REQUESTED"
    again = await client.gql(CREATE, {"v": wine, "r": "Broken bottle"}, buyer)
    assert again["returnRequestCreate"]["errors"][0]["code"] == "DUPLICATED"
    request_id = made["returnRequest"]["id"]
    assert (await client.gql(LIST, token=shop.pt_token))["myVendorReturnRequests"] == []
    by_pt = await client.gql(DECIDE, {"id": request_id, "a": True, "n": ""}, shop.pt_token)
    assert by_pt["returnRequestDecide"]["errors"][0]["code"] == "NOT_FOUND"
    listed = (await client.gql(LIST, token=shop.es_token))["myVendorReturnRequests"]
    assert [(r["status"], r["reason"]) for r in listed] == [("REQUESTED", "Broken bottle")]
    done = (await client.gql(DECIDE, {"id": request_id, "a": True, "n": ""}, shop.es_token)
            )["returnRequestDecide"]
    assert done["errors"] == []
    assert done["returnRequest"]["status"] == "APPROVED"
    assert done["returnRequest"]["vendorOrder"]["status"] == "REFUNDED"
    twice = await client.gql(DECIDE, {"id": request_id, "a": True, "n": ""}, shop.es_token)
    assert twice["returnRequestDecide"]["errors"][0]["code"] == "INVALID_STATUS"


async def test_a_refusal_needs_a_note_and_the_period_is_fourteen_days(client: Client) -> None:
    shop = await build(client)
    buyer = await client.register("buyer@example.com")
    parts = await paid_order(client, shop, buyer)
    tile = parts["Loja PT"]
    made = (await client.gql(CREATE, {"v": tile, "r": "Wrong colour"}, buyer)
            )["returnRequestCreate"]["returnRequest"]
    blank = await client.gql(DECIDE, {"id": made["id"], "a": False, "n": " "}, shop.pt_token)
    assert blank["returnRequestDecide"]["errors"][0]["field"] == "note"
    refused = (await client.gql(DECIDE, {"id": made["id"], "a": False,
                                         "n": "Used tiles cannot be returned."}, shop.pt_token)
               )["returnRequestDecide"]["returnRequest"]
    assert (refused["status"], refused["vendorOrder"]["status"]) == ("REFUSED", "PAID")
    mine = await client.gql("{ myReturnRequests { status vendorNote } }", token=buyer)
    assert mine["myReturnRequests"] == [{"status": "REFUSED",
                                         "vendorNote": "Used tiles cannot be returned."}]
    async with client.runtime.db.write() as session:
        await session.execute(update(Order).values(paid_at=utcnow() - timedelta(days=15)))
    late = await client.gql(CREATE, {"v": parts["Bodega ES"], "r": "Changed my mind"}, buyer)
    assert late["returnRequestCreate"]["errors"][0]["code"] == "PERIOD_OVER"
