"""Platform-funded vouchers: the buyer pays less, the vendor is paid and taxed on the
undiscounted price, and the platform pays the difference; the ledger adds up."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from engine.api.ids import decode_id
from engine.payments.models import LedgerEntry, Payment
from tests.client import Client
from tests.shop import ADDRESS, Shop, build
from tests.test_promotions import CONFIRM, REFUND
from tests.test_voucher_kinds import applied, create, gross

COMPLETE = """mutation($id: ID!) { checkoutComplete(id: $id, paymentGateway: "dummy") {
  order { id total { gross { amount } } amountDue { amount } platformDiscount { amount }
    vendorOrders { id vendor { id } total { net { amount } gross { amount } }
      lines { id totalPrice { gross { amount } } } } }
  errors { field code message } } }"""


async def paid(client: Client, checkout_id: str, token: str) -> dict[str, Any]:
    done = (await client.gql(COMPLETE, {"id": checkout_id}, token))["checkoutComplete"]
    assert done["errors"] == [], done
    confirmed = await client.gql(CONFIRM, {"id": done["order"]["id"]}, token)
    assert confirmed["dummyPaymentConfirm"]["order"]["status"] == "PAID", confirmed
    await client.runtime.dispatcher.drain()
    order: dict[str, Any] = done["order"]
    return order


async def ledger(client: Client) -> dict[tuple[int, str], Decimal]:
    sums: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    async with client.runtime.db.read() as session:
        for vendor_id, kind, amount in await session.execute(
                select(LedgerEntry.vendor_id, LedgerEntry.kind, LedgerEntry.amount)):
            sums[(vendor_id, kind)] += amount
    return sums


async def platform(client: Client, shop: Shop, **given: Any) -> None:
    operator = await client.login("shop-op@example.com")
    made = await create(client, operator, platformFunded=True, **given)
    assert made["errors"] == [] and made["voucher"]["isPlatformFunded"] is True, made


async def test_a_platform_funded_discount_leaves_the_vendors_taxable_base_whole(
        client: Client) -> None:
    """Council Directive 2006/112/EC art. 73: the taxable amount includes everything
    which constitutes consideration obtained by the supplier "from the customer or a
    third party". The platform's payment under its voucher is such third-party
    consideration, so the vendor's taxable amount stays the undiscounted price (21 %
    on 24.20 for the Madrid buyer); a vendor-funded voucher is instead a price reduction
    the supplier grants (art. 79(b)) and lowers the base. Confirmed here side by side."""
    shop = await build(client)
    await platform(client, shop, code="ruta10", kind="PERCENTAGE", value="10.00")
    found = await applied(client, shop, {"wine": 2}, "RUTA10")
    line = found["lines"][0]
    assert line["totalPrice"] == {"net": {"amount": "20.00"}, "tax": {"amount": "4.20"},
                                  "gross": {"amount": "24.20"}}
    assert gross(line["discount"]) == "0.00"
    assert gross(found["vendors"][0]["totalPrice"]) == "29.15"       # + 4.95 shipping
    assert found["platformDiscount"]["amount"] == "2.42"              # 10 % of 24.20
    assert found["amountDue"]["amount"] == "26.73"
    await create(client, shop.es_token, code="bodega10", value="10.00")
    own = (await applied(client, shop, {"wine": 2}, "BODEGA10"))["lines"][0]
    assert own["totalPrice"] == {"net": {"amount": "18.00"}, "tax": {"amount": "3.78"},
                                 "gross": {"amount": "21.78"}}


async def test_the_vendor_is_paid_the_undiscounted_price_and_the_ledger_balances(
        client: Client) -> None:
    shop = await build(client)
    await platform(client, shop, code="seis", kind="FIXED", value="6.00")
    buyer = await client.register("ana@example.com")
    found = await applied(client, shop, {"wine": 1, "tile": 1}, "SEIS", ADDRESS, buyer)
    # 6.00 over 12.10 and 18.00 in proportion
    assert [ln["platformDiscount"] for ln in found["lines"]] == [
        {"amount": "2.41"}, {"amount": "3.59"}]
    order = await paid(client, found["id"], buyer)
    assert order["platformDiscount"]["amount"] == "6.00"
    total = Decimal(order["total"]["gross"]["amount"])
    due = Decimal(order["amountDue"]["amount"])
    assert due == total - Decimal("6.00")
    async with client.runtime.db.read() as session:
        payment = await session.scalar(select(Payment))
    assert payment is not None and payment.amount == due  # the buyer is charged less
    sums = await ledger(client)
    vendors = {decode_id(vo["vendor"]["id"], "Vendor"): vo for vo in order["vendorOrders"]}
    for vendor_id, vendor_order in vendors.items():
        # the vendor is owed its whole vendor order, commission on the undiscounted net
        assert sums[(vendor_id, "CHARGE")] == Decimal(vendor_order["total"]["gross"]["amount"])
        net = Decimal(vendor_order["total"]["net"]["amount"])
        assert sums[(vendor_id, "COMMISSION")] == (net * Decimal("0.10")).quantize(
            Decimal("0.01"))
    charges = sum(sums[(v, "CHARGE")] for v in vendors)
    funded = sum(sums[(v, "PLATFORM_FUNDING")] for v in vendors)
    assert funded == Decimal("6.00") and charges == due + funded == total


async def test_platform_free_shipping_and_refunding_a_platform_discounted_line(
        client: Client) -> None:
    shop = await build(client)
    await platform(client, shop, code="gratis", kind="FREE_SHIPPING")
    found = await applied(client, shop, {"tile": 2}, "GRATIS", ADDRESS)
    pt = found["vendors"][0]
    assert gross(pt["shippingPrice"]) == "3.50"  # the vendor still charges it...
    assert found["platformDiscount"]["amount"] == "3.50"  # ...and the platform pays it
    assert found["amountDue"]["amount"] == "36.00"
    await platform(client, shop, code="menos", kind="PERCENTAGE", value="20.00")
    buyer = await client.register("ana@example.com")
    checkout = await applied(client, shop, {"tile": 1}, "MENOS", ADDRESS, buyer)
    order = await paid(client, checkout["id"], buyer)
    vendor_order = order["vendorOrders"][0]
    line = vendor_order["lines"][0]
    operator = await client.login("shop-op@example.com")
    refund = (await client.gql(REFUND, {"v": vendor_order["id"], "l": [line["id"]]},
                               operator))["orderRefund"]
    # the buyer paid 18.00 - 3.60 for the tile and gets that back
    assert refund["refund"] == {"amount": {"amount": "14.40"}, "status": "SUCCEEDED"}
    sums = await ledger(client)
    pt_id = decode_id(shop.pt_vendor, "Vendor")
    assert sums[(pt_id, "PLATFORM_FUNDING")] == sums[(pt_id, "PLATFORM_FUNDING_REFUND")] \
        == Decimal("3.60")
    owed = sums[(pt_id, "CHARGE")] - sums[(pt_id, "COMMISSION")] - sums[(pt_id, "REFUND")] \
        - sums[(pt_id, "PLATFORM_FUNDING_REFUND")] + sums[(pt_id, "COMMISSION_REFUND")]
    # what is left: the shipping (3.50) less its share of the commission
    assert owed == Decimal("3.50") - (sums[(pt_id, "COMMISSION")]
                                       - sums[(pt_id, "COMMISSION_REFUND")])
