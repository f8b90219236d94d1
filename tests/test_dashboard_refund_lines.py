"""A vendor refunds whole lines of an order from the dashboard: the lines are chosen, the
confirmation names them and refunds nothing, and the confirmed refund gives back those
lines' price and records them, so the buyer can no longer review what was refunded."""

from __future__ import annotations

import re

from starlette.applications import Starlette

from engine.testing.client import PASSWORD, Client
from tests.shop import COMPLETE, build, ready
from tests.web_browser import Browser

PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
PURCHASED = "{ myPurchasedProducts { productName } }"
REFUNDS = """query($id: ID!) { vendorOrder(id: $id) { status
  lines { id productName totalPrice { gross { amount } } } } }"""


def csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, html[:2000]
    return found.group(1)


async def test_a_vendor_refunds_a_chosen_line_and_it_can_no_longer_be_reviewed(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    buyer = await client.register("buyer@example.com")
    checkout_id = await ready(client, shop, {"wine": 1, "ebook": 1}, buyer)
    order = (await client.gql(COMPLETE, {"id": checkout_id}, buyer))["checkoutComplete"]["order"]
    operator = await client.login("shop-op@example.com")
    assert (await client.gql(PAID, {"id": order["id"]}, operator))["orderMarkPaid"]["errors"] == []
    part = order["vendorOrders"][0]["id"]
    lines = {line["productName"]: line for line in
             (await client.gql(REFUNDS, {"id": part}, shop.es_token))["vendorOrder"]["lines"]}
    detail = f"/dashboard/orders/{part}"
    async with Browser(app) as vendor:
        await vendor.login("es@example.com", PASSWORD)
        page = await vendor.get(detail + "?lang=en")
        assert "Or refund whole lines" in page.text
        none = await vendor.post(f"{detail}/refund?lang=en", {"kind": "lines"}, form_page=detail)
        assert none.status_code == 400 and "Choose the lines to refund." in none.text
        confirm = await vendor.post(f"{detail}/refund?lang=en",
                                    {"kind": "lines", "line": lines["Recipes"]["id"]},
                                    form_page=detail)
        assert confirm.status_code == 200 and "This cannot be undone" in confirm.text
        assert "Yes, refund these lines" in confirm.text
        assert (await client.gql(REFUNDS, {"id": part}, shop.es_token)
                )["vendorOrder"]["status"] == "PAID"  # nothing before the confirmation
        done = await vendor.post(f"{detail}/refund",
                                 {"kind": "lines", "line": lines["Recipes"]["id"],
                                  "confirm": "1"}, token=csrf(confirm.text))
        assert done.status_code == 303
        after = await vendor.get(done.headers["location"] + "?lang=en")
        assert f"Refunded €{lines['Recipes']['totalPrice']['gross']['amount']}" in after.text
        again = await vendor.post(f"{detail}/refund?lang=es",
                                  {"kind": "lines", "line": lines["Recipes"]["id"],
                                   "confirm": "1"}, form_page=detail)
        assert again.status_code == 400 and 'id="line-error"' in again.text
        assert all(count <= 2 for _path, count, _size in vendor.documents), vendor.documents
    assert (await client.gql(REFUNDS, {"id": part}, shop.es_token)
            )["vendorOrder"]["status"] == "PARTIALLY_REFUNDED"
    purchased = (await client.gql(PURCHASED, token=buyer))["myPurchasedProducts"]
    assert [p["productName"] for p in purchased] == ["Wine"]
