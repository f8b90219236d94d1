"""Vendor promotions: who manages them, which one a line gets (they never combine), VAT on
the discounted base for Spanish and Portuguese buyers, the ledger of a discounted sale and
the refund of a discounted line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from engine.api.ids import decode_id
from engine.payments.models import LedgerEntry
from tests.client import Client
from tests.shop import ADDRESS, SHIPPING, Shop, build

CREATE = """mutation($i: PromotionInput!) { promotionCreate(input: $i) {
  promotion { id name kind value productIds startsAt endsAt minSubtotal { amount } isActive }
  errors { field code message } } }"""
UPDATE = """mutation($id: ID!, $i: PromotionInput!) { promotionUpdate(id: $id, input: $i) {
  promotion { id name value } errors { field code message } } }"""
DELETE = """mutation($id: ID!) { promotionDelete(id: $id) { promotion { id }
  errors { field code message } } }"""
LINES = """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { checkout { id
  lines { promotionName totalPrice { net { amount } tax { amount } gross { amount } }
    discount { net { amount } tax { amount } gross { amount } }
    undiscountedTotal { gross { amount } } taxDecision { rate } }
  vendors { vendor { id } isShippingRequired }
  totalPrice { gross { amount } } } errors { field code message } } }"""
COMPLETE = """mutation($id: ID!) { checkoutComplete(id: $id, paymentGateway: "dummy") {
  order { id total { gross { amount } } vendorOrders { id vendor { id } total { gross {
    amount } } lines { id productName discount { amount } totalPrice { gross { amount } } } } }
  errors { field code message } } }"""
CONFIRM = """mutation($id: ID!) { dummyPaymentConfirm(orderId: $id, succeed: true) {
  order { status } errors { code } } }"""
REFUND = """mutation($v: ID!, $l: [ID!]) { orderRefund(vendorOrderId: $v, lineIds: $l) {
  refund { amount { amount } status } errors { field code message } } }"""
MADRID = {**ADDRESS, "city": "Madrid", "postalCode": "28001", "country": "ES"}
NOW = datetime.now(UTC).replace(microsecond=0)
STARTED = (NOW - timedelta(days=1)).isoformat()


async def promotion(client: Client, token: str, **given: Any) -> dict[str, Any]:
    data = (await client.gql(CREATE, {"i": {"name": "Promo", "kind": "PERCENTAGE",
                                            "startsAt": STARTED, **given}}, token)
            )["promotionCreate"]
    assert data["errors"] == [], data
    found: dict[str, Any] = data["promotion"]
    return found


async def lines(client: Client, variants: dict[str, int], address: dict[str, str],
                token: str | None = None) -> dict[str, Any]:
    data = (await client.gql(LINES, {"i": {
        "email": "buyer@example.com", "shippingAddress": address,
        "lines": [{"variantId": v, "quantity": q} for v, q in variants.items()]}}, token)
            )["checkoutCreate"]
    assert data["errors"] == [], data
    found: dict[str, Any] = data["checkout"]
    return found


def taxed(money: dict[str, Any]) -> tuple[str, str, str]:
    return money["net"]["amount"], money["tax"]["amount"], money["gross"]["amount"]


async def test_vat_is_computed_on_the_discounted_base_for_es_and_pt_buyers(
        client: Client) -> None:
    """A vendor promotion is a price reduction granted by the supplier: the taxable amount
    is the reduced price (VAT Directive 2006/112/EC art. 79(b); Ley 37/1992 art. 78.3.2.º;
    CIVA art. 16(6)(b)). Spanish VAT 21 % for the buyer in Madrid, Portuguese 23 % for the
    Portuguese vendor's buyer in Faro, each on the reduced gross."""
    shop = await build(client)
    oil, oil_variant = await client.product(shop.es_token, "Aceite", price="20.00")
    _, honey = await client.product(shop.pt_token, "Mel", price="18.00")
    await promotion(client, shop.es_token, name="Oil week", value="25.00", productIds=[oil])
    await promotion(client, shop.pt_token, name="Mel", kind="FIXED", value="1.80")
    es = (await lines(client, {oil_variant: 2}, MADRID))["lines"][0]
    assert es["promotionName"] == "Oil week" and es["taxDecision"]["rate"] == "0.21"
    assert taxed(es["totalPrice"]) == ("24.79", "5.21", "30.00")  # 2 x 15.00; 30/1.21
    assert taxed(es["discount"]) == ("8.27", "1.73", "10.00")     # 40.00 -> 33.06 + 6.94
    assert es["undiscountedTotal"]["gross"]["amount"] == "40.00"
    pt = (await lines(client, {honey: 1}, ADDRESS))["lines"][0]
    assert pt["taxDecision"]["rate"] == "0.23"
    assert taxed(pt["totalPrice"]) == ("13.17", "3.03", "16.20")  # 16.20 / 1.23 = 13.1707
    assert taxed(pt["discount"]) == ("1.46", "0.34", "1.80")      # 18.00 -> 14.63 + 3.37


async def test_promotions_never_combine_and_keep_to_their_dates_scope_and_minimum(
        client: Client) -> None:
    shop = await build(client)
    wine = shop.variants["wine"]  # 12.10
    await promotion(client, shop.es_token, name="Ten", value="10.00")  # 1.21 off
    await promotion(client, shop.es_token, name="Two euros", kind="FIXED", value="2.00")
    await promotion(client, shop.es_token, name="Future", value="50.00",
                    startsAt=(NOW + timedelta(days=1)).isoformat())
    await promotion(client, shop.es_token, name="Over", value="50.00",
                    startsAt=(NOW - timedelta(days=9)).isoformat(), endsAt=STARTED)
    await promotion(client, shop.es_token, name="Big baskets", value="40.00",
                    minSubtotal="100.00")
    found = await lines(client, {wine: 2, shop.variants["tile"]: 1}, ADDRESS)
    first, tile = found["lines"]
    assert first["promotionName"] == "Two euros"  # the largest single reduction wins
    assert first["discount"]["gross"]["amount"] == "4.00"
    assert first["totalPrice"]["gross"]["amount"] == "20.20"
    assert tile["promotionName"] is None and tile["discount"]["gross"]["amount"] == "0.00"
    big = await lines(client, {wine: 5, shop.variants["tile"]: 1}, ADDRESS)
    # 5 x 12.10 = 60.50 of ES lines: below the 100.00 minimum, still "Two euros"
    assert big["lines"][0]["promotionName"] == "Two euros"
    _, cask = await client.product(shop.es_token, "Cask", price="50.00")
    bigger = await lines(client, {wine: 1, cask: 2}, ADDRESS)  # 112.10 >= 100
    assert [ln["promotionName"] for ln in bigger["lines"]] == ["Big baskets", "Big baskets"]
    assert bigger["lines"][1]["totalPrice"]["gross"]["amount"] == "60.00"


async def test_only_the_vendors_staff_manage_and_see_its_promotions(client: Client) -> None:
    shop = await build(client)
    customer = await client.register("buyer@example.com")
    refused = await client.raw(CREATE, {"i": {"name": "x", "kind": "FIXED", "value": "1.00",
                                              "startsAt": STARTED}}, customer)
    assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    bad = (await client.gql(CREATE, {"i": {"name": "x", "kind": "PERCENTAGE", "value": "150",
                                          "startsAt": STARTED, "endsAt": STARTED}},
                            shop.es_token))["promotionCreate"]
    assert {e["field"] for e in bad["errors"]} == {"value", "endsAt"}
    pt_product, _ = await client.product(shop.pt_token, "Azulejo")
    foreign = (await client.gql(CREATE, {"i": {
        "name": "x", "kind": "FIXED", "value": "1.00", "startsAt": STARTED,
        "productIds": [pt_product]}}, shop.es_token)
               )["promotionCreate"]
    assert foreign["errors"][0]["code"] == "NOT_FOUND"
    made = await promotion(client, shop.es_token, name="Spring", value="5.00")
    stolen = await client.raw(UPDATE, {"id": made["id"], "i": {"value": "90.00"}}, shop.pt_token)
    assert stolen["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    changed = (await client.gql(UPDATE, {"id": made["id"], "i": {"value": "7.50"}},
                                shop.es_token))["promotionUpdate"]
    assert changed["promotion"]["value"] == "7.50"
    listed = await client.gql("{ myVendor { promotions { name value } } }", token=shop.es_token)
    assert listed["myVendor"]["promotions"] == [{"name": "Spring", "value": "7.50"}]
    hidden = await client.raw("query($id: ID!) { vendor(id: $id) { promotions { id } } }",
                              {"id": shop.es_vendor})
    assert hidden["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    gone = (await client.gql(DELETE, {"id": made["id"]}, shop.es_token))["promotionDelete"]
    assert gone["errors"] == []
    after = await lines(client, {shop.variants["wine"]: 1}, ADDRESS)
    assert after["lines"][0]["discount"]["gross"]["amount"] == "0.00"


async def _paid(client: Client, shop: Shop, variants: dict[str, int], token: str
                ) -> dict[str, Any]:
    found = await lines(client, variants, ADDRESS, token)
    for vendor in found["vendors"]:
        if vendor["isShippingRequired"]:
            key = "es" if vendor["vendor"]["id"] == shop.es_vendor else "pt"
            chosen = await client.gql(SHIPPING, {"id": found["id"], "v": vendor["vendor"]["id"],
                                                 "m": shop.methods[key]}, token)
            assert chosen["checkoutShippingMethodUpdate"]["errors"] == [], chosen
    done = (await client.gql(COMPLETE, {"id": found["id"]}, token))["checkoutComplete"]
    assert done["errors"] == [], done
    confirmed = await client.gql(CONFIRM, {"id": done["order"]["id"]}, token)
    assert confirmed["dummyPaymentConfirm"]["order"]["status"] == "PAID"
    await client.runtime.dispatcher.drain()
    order: dict[str, Any] = done["order"]
    return order


async def test_a_vendor_funded_discount_lowers_its_base_and_the_ledger_adds_up_to_the_charge(
        client: Client) -> None:
    """The vendor pays for its promotion: its vendor order, commission base and payout are
    on the reduced price; charge = sum of vendor orders; commission + share = charge."""
    shop = await build(client)
    buyer = await client.register("ana@example.com")
    await promotion(client, shop.es_token, name="Wine", value="15.00")  # 12.10 -> 10.29
    order = await _paid(client, shop, {shop.variants["wine"]: 3, shop.variants["tile"]: 1},
                        buyer)
    es = next(v for v in order["vendorOrders"] if v["vendor"]["id"] == shop.es_vendor)
    assert es["lines"][0]["discount"] == {"amount": "5.46"}  # 3 x (1.815 -> 1.82 per unit)
    assert es["lines"][0]["totalPrice"]["gross"]["amount"] == "30.84"  # 36.30 - 5.46
    assert es["total"]["gross"]["amount"] == "35.79"                   # + 4.95 shipping
    async with client.runtime.db.read() as session:
        rows = (await session.execute(select(LedgerEntry.vendor_id, LedgerEntry.kind,
                                             LedgerEntry.amount))).all()
    charges = {v: a for v, k, a in rows if k == "CHARGE"}
    commissions = {v: a for v, k, a in rows if k == "COMMISSION"}
    assert sum(charges.values()) == Decimal(order["total"]["gross"]["amount"])
    es_id = decode_id(shop.es_vendor, "Vendor")
    # commission: 10 % of the reduced net (25.49 goods + 4.09 shipping = 29.58) -> 2.96
    assert charges[es_id] == Decimal("35.79") and commissions[es_id] == Decimal("2.96")
    share = charges[es_id] - commissions[es_id]
    assert share + commissions[es_id] == charges[es_id] == Decimal("35.79")


async def test_refunding_a_discounted_line_gives_back_what_was_paid(client: Client) -> None:
    shop = await build(client)
    buyer = await client.register("ana@example.com")
    await promotion(client, shop.pt_token, name="Tiles", kind="FIXED", value="3.00")
    order = await _paid(client, shop, {shop.variants["tile"]: 2}, buyer)
    pt = order["vendorOrders"][0]
    line = pt["lines"][0]
    assert line["totalPrice"]["gross"]["amount"] == "30.00"  # 2 x (18.00 - 3.00)
    operator = await client.login("shop-op@example.com")
    refund = (await client.gql(REFUND, {"v": pt["id"], "l": [line["id"]]}, operator)
              )["orderRefund"]
    assert refund["refund"] == {"amount": {"amount": "30.00"}, "status": "SUCCEEDED"}
