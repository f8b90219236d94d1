"""Vendor.salesByDay: paid sales and refunds per local day, every day listed."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import update

from engine.api.ids import decode_id
from engine.db.types import utcnow
from engine.payments.models import LedgerEntry
from engine.testing.client import Client
from tests.shop import COMPLETE, build, ready

SALES = """query($days: Int!, $tz: String!) { myVendor { salesByDay(days: $days,
  timeZone: $tz) { date sales { amount } refunded { amount } } } }"""
PAY = "mutation($id: ID!) { orderMarkPaid(id: $id) { errors { code } } }"
REFUND = """mutation($id: ID!, $a: Decimal) { orderRefund(vendorOrderId: $id, amount: $a) {
  errors { field code message } } }"""


async def test_sales_and_refunds_are_summed_per_day_in_the_time_zone(client: Client) -> None:
    shop = await build(client)
    operator = await client.operator("sales-op@example.com")
    orders = []
    for _ in range(2):
        checkout_id = await ready(client, shop, {"wine": 1})
        order = (await client.gql(COMPLETE, {"id": checkout_id}))["checkoutComplete"]["order"]
        assert (await client.gql(PAY, {"id": order["id"]}, operator))["orderMarkPaid"][
            "errors"] == []
        orders.append(order)
    assert client.runtime.dispatcher is not None
    await client.runtime.dispatcher.drain()  # the ledger is written after commit
    first_vo = orders[0]["vendorOrders"][0]
    refunded = await client.gql(REFUND, {"id": first_vo["id"], "a": "2.00"}, shop.es_token)
    assert refunded["orderRefund"]["errors"] == []
    async with client.runtime.db.write() as session:  # the first order was paid 3 days ago
        await session.execute(update(LedgerEntry).where(
            LedgerEntry.vendor_order_id == decode_id(first_vo["id"], "VendorOrder"),
            LedgerEntry.kind == "CHARGE")
            .values(created_at=utcnow() - timedelta(days=3)))
    days = (await client.gql(SALES, {"days": 30, "tz": "Europe/Lisbon"}, shop.es_token))[
        "myVendor"]["salesByDay"]
    assert len(days) == 30 and days == sorted(days, key=lambda d: d["date"])
    gross = first_vo["total"]["gross"]["amount"]
    assert days[-1]["sales"]["amount"] == gross and days[-1]["refunded"]["amount"] == "2.00"
    assert days[-4]["sales"]["amount"] == gross
    assert sum(Decimal(d["sales"]["amount"]) for d in days) == Decimal(gross) * 2
    other = await client.raw(SALES, {"days": 30, "tz": "Europe/Lisbon"}, shop.pt_token)
    assert other["data"]["myVendor"]["salesByDay"][-1]["sales"]["amount"] == "0.00"
    bad = await client.raw(SALES, {"days": 400, "tz": "Europe/Lisbon"}, shop.es_token)
    assert bad.get("errors")
