"""Plugins take part in checkout and orders through hooks: validation, VAT ids, payment
gateways and the order lifecycle events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from engine import hookimpl
from engine.checkout.snapshot import CheckoutSnapshot
from engine.errors import ValidationError
from engine.orders.models import Order
from engine.orders.payment import PaymentAction
from engine.runtime import Runtime
from tests.shop import ADDRESS, COMPLETE, build, checkout, ready

PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"


class Lifecycle:
    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []
        self.ids: set[int] = set()

    @hookimpl
    def ruta_order_created(self, order_id: int, event_id: int, occurred_at: datetime) -> None:
        assert occurred_at.tzinfo is not None
        self.ids.add(event_id)
        self.events.append(("created", order_id))

    @hookimpl
    async def ruta_order_paid(self, order_id: int) -> None:
        self.events.append(("paid", order_id))

    @hookimpl
    def ruta_order_cancelled(self, order_id: int, reason: str) -> None:
        self.events.append((f"cancelled:{reason}", order_id))

    @hookimpl
    def ruta_vendor_order_fulfilled(self, order_id: int, vendor_id: int) -> None:
        self.events.append(("fulfilled", order_id))


class OneTastingEach:
    """A plugin rule: at most one seat per buyer."""

    @hookimpl
    def ruta_checkout_validate(self, checkout: CheckoutSnapshot) -> None:
        for index, line in enumerate(checkout.lines):
            if line.product_kind == "EVENT" and line.quantity > 1:
                raise ValidationError(f"lines.{index}.quantity", "INVALID_QUANTITY",
                                      "One seat per buyer at this event.")


class VatIds:
    @hookimpl
    def ruta_vat_id_validate(self, vat_id: str | None, country: str | None) -> None:
        if vat_id is not None and not vat_id.startswith(country or "ES"):
            raise ValidationError("vatId", "INVALID_VAT_ID", "Not a VAT number of your country.")


class CardGateway:
    code = "card-test"
    description = "A test card gateway"

    def available(self, settings: object) -> bool:
        return True

    def __init__(self) -> None:
        self.started: list[int] = []

    async def start(self, runtime: Runtime, order: Order) -> PaymentAction:
        self.started.append(order.id)
        return PaymentAction(gateway=self.code, type="CONFIRM_CARD",
                             client_secret=f"secret-{order.number}")


class Gateways:
    def __init__(self, gateway: CardGateway) -> None:
        self.gateway = gateway

    @hookimpl
    def ruta_payment_gateways(self) -> list[CardGateway]:
        return [self.gateway]


async def test_order_lifecycle_events_run_after_commit(plugged: Any) -> None:
    lifecycle = Lifecycle()
    async with plugged(lifecycle) as client:
        shop = await build(client)
        checkout_id = await ready(client, shop, {"wine": 1})
        order = (await client.gql(COMPLETE, {"id": checkout_id}))["checkoutComplete"]["order"]
        operator = await client.login("shop-op@example.com")
        await client.gql(PAID, {"id": order["id"]}, operator)
        await client.gql("""mutation($id: ID!) { vendorOrderFulfill(id: $id) {
            errors { code } } }""", {"id": order["vendorOrders"][0]["id"]}, shop.es_token)
        second = await ready(client, shop, {"tile": 1})
        other = (await client.gql(COMPLETE, {"id": second}))["checkoutComplete"]["order"]
        await client.gql("mutation($id: ID!) { orderCancel(id: $id) { errors { code } } }",
                         {"id": other["id"]}, operator)
        await client.runtime.dispatcher.drain()
    kinds = [kind for kind, _ in lifecycle.events]
    assert kinds == ["created", "paid", "fulfilled", "created",
                     "cancelled:CANCELLED_BY_OPERATOR"]
    assert len(lifecycle.ids) == 2


async def test_a_checkout_validation_hook_refuses_and_nothing_is_written(plugged: Any) -> None:
    async with plugged(OneTastingEach()) as client:
        shop = await build(client)
        created = await checkout(client, {"tasting": 2}, shop, billingAddress=ADDRESS)
        data = await client.gql(COMPLETE, {"id": created["id"]})
        assert data["checkoutComplete"]["errors"] == [{
            "field": "lines.0.quantity", "code": "INVALID_QUANTITY",
            "message": "One seat per buyer at this event."}]
        async with client.runtime.db.read() as session:
            assert await session.scalar(select(func.count()).select_from(Order)) == 0
        listing = await client.gql("""query($id: ID!) { productVariant(id: $id) {
            quantityAvailable } }""", {"id": shop.variants["tasting"]})
        assert listing["productVariant"]["quantityAvailable"] == 3


async def test_a_vat_id_hook_validates_the_buyers_number(plugged: Any) -> None:
    async with plugged(VatIds()) as client:
        shop = await build(client)
        created = await checkout(client, {"tile": 1}, shop, billingAddress=ADDRESS)
        query = """mutation($id: ID!, $v: String!) { checkoutVatIdUpdate(id: $id, vatId: $v) {
            checkout { vatId } errors { field code } } }"""
        bad = await client.gql(query, {"id": created["id"], "v": "ESB21000005"})
        assert bad["checkoutVatIdUpdate"]["errors"] == [{"field": "vatId",
                                                         "code": "INVALID_VAT_ID"}]
        good = await client.gql(query, {"id": created["id"], "v": "pt 501 964 819"})
        assert good["checkoutVatIdUpdate"]["checkout"]["vatId"] == "PT501964819"


async def test_a_gateway_plugin_returns_the_payment_action(plugged: Any) -> None:
    gateway = CardGateway()
    async with plugged(Gateways(gateway)) as client:
        shop = await build(client)
        checkout_id = await ready(client, shop, {"tile": 1})
        query = """mutation($id: ID!, $g: String!) { checkoutComplete(id: $id,
            paymentGateway: $g) { order { number status } paymentAction { gateway type
            clientSecret } errors { field code } } }"""
        unknown = await client.gql(query, {"id": checkout_id, "g": "bitcoin"})
        assert unknown["checkoutComplete"]["errors"] == [{"field": "paymentGateway",
                                                          "code": "INVALID_GATEWAY"}]
        done = await client.gql(query, {"id": checkout_id, "g": "card-test"})
        assert done["checkoutComplete"]["paymentAction"] == {
            "gateway": "card-test", "type": "CONFIRM_CARD", "clientSecret": "secret-1"}
        again = await client.gql(query, {"id": checkout_id, "g": "card-test"})
        assert again["checkoutComplete"]["order"]["number"] == 1
        assert len(gateway.started) == 2  # the retry asks the gateway again (idempotently)
