"""The dummy gateway (demo and development): pays or fails on command; never in production.
Refunds of orders paid outside Stripe are recorded and announced to plugins."""

from __future__ import annotations

from typing import Any

from engine import hookimpl
from tests.shop import build, ready

COMPLETE = """mutation($id: ID!, $g: String!) { checkoutComplete(id: $id, paymentGateway: $g) {
  order { id status vendorOrders { id } } paymentAction { gateway type }
  errors { field code } } }"""
CONFIRM = """mutation($id: ID!, $ok: Boolean!) { dummyPaymentConfirm(orderId: $id, succeed: $ok) {
  order { status payments { gateway status error } } errors { code } } }"""


class Refunds:
    def __init__(self) -> None:
        self.seen: list[tuple[str, bool]] = []

    @hookimpl
    def ruta_order_refunded(self, amount: str, full: bool) -> None:
        self.seen.append((amount, full))


async def test_the_dummy_gateway_fails_or_pays_on_command(plugged: Any) -> None:
    refunds = Refunds()
    async with plugged(refunds) as client:
        shop = await build(client)
        ana = await client.register("ana@example.com")
        checkout_id = await ready(client, shop, {"tile": 1}, ana)
        done = (await client.gql(COMPLETE, {"id": checkout_id, "g": "dummy"}, ana)
                )["checkoutComplete"]
        assert done["paymentAction"] == {"gateway": "dummy", "type": "DUMMY_CONFIRM"}
        order_id = done["order"]["id"]
        failed = (await client.gql(CONFIRM, {"id": order_id, "ok": False}, ana)
                  )["dummyPaymentConfirm"]["order"]
        assert failed["status"] == "UNPAID" and failed["payments"][0]["status"] == "FAILED"
        paid = (await client.gql(CONFIRM, {"id": order_id, "ok": True}, ana)
                )["dummyPaymentConfirm"]["order"]
        assert paid["status"] == "PAID" and paid["payments"][0]["status"] == "SUCCEEDED"
        bob = await client.register("bob@example.com")
        other = await client.gql(CONFIRM, {"id": order_id, "ok": True}, bob)
        assert other["dummyPaymentConfirm"]["errors"][0]["code"] == "NOT_FOUND"
        operator = await client.login("shop-op@example.com")
        refund = await client.gql("""mutation($v: ID!) { orderRefund(vendorOrderId: $v) {
            refund { amount { amount } status } errors { code } } }""",
                                  {"v": done["order"]["vendorOrders"][0]["id"]}, operator)
        assert refund["orderRefund"]["refund"] == {"amount": {"amount": "21.50"},
                                                   "status": "SUCCEEDED"}
        await client.runtime.dispatcher.drain()
    assert refunds.seen == [("21.50", True)]


async def test_production_refuses_the_dummy_gateway(plugged: Any) -> None:
    async with plugged(mode="production", secret_key="p" * 40) as client:
        shop = await build(client)
        checkout_id = await ready(client, shop, {"tile": 1})
        data = await client.gql(COMPLETE, {"id": checkout_id, "g": "dummy"})
        assert data["checkoutComplete"]["errors"] == [{"field": "paymentGateway",
                                                       "code": "INVALID_GATEWAY"}]
        stripe_missing = await client.gql(COMPLETE, {"id": checkout_id, "g": "stripe"})
        assert stripe_missing["checkoutComplete"]["errors"][0]["code"] == "INVALID_GATEWAY"
