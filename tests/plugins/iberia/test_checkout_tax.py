"""End to end through GraphQL: checkout pricing with the plugin's decisions, vendor tax
profiles, and the €10,000 threshold tracked from paid orders."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pytest
from sqlalchemy import column, select, table

from engine.cache.versions import read_versions
from plugins.iberia.facts import SNAPSHOT
from plugins.iberia.models import CrossBorderSale
from plugins.iberia.sales import record_paid_order
from tests.client import Client
from tests.shop import ADDRESS, COMPLETE, CREATE, build, checkout

PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
PROFILE = """mutation($v: ID!, $i: VendorTaxProfileInput!) {
  iberiaVendorTaxProfileUpdate(vendorId: $v, input: $i) {
    profile { ossRegistered ossOptIn exemptionEvidence exemptionValidFrom }
    errors { field code message } } }"""
PRICING = """query($id: ID!, $c: CountryCode, $p: String) { product(id: $id) {
  pricing(country: $c, postalCode: $p) { net { amount } tax { amount } gross { amount } } } }"""
TAX_PROFILE = "query($id: ID!) { vendor(id: $id) { taxProfile { ossOptIn } } }"
LAS_PALMAS = {**ADDRESS, "city": "Las Palmas", "postalCode": "35001", "country": "ES"}


@pytest.fixture(autouse=True)
def _no_stale_facts() -> Iterator[None]:
    SNAPSHOT.clear()
    yield
    SNAPSHOT.clear()


def amounts(money: dict[str, Any]) -> tuple[str, str, str]:
    return money["net"]["amount"], money["tax"]["amount"], money["gross"]["amount"]


async def test_a_mixed_cart_is_taxed_per_line_and_rounded_half_up(client: Client) -> None:
    """Spanish vendor (prices include VAT) selling to a consumer in Faro below the threshold:
    origin VAT (art. 59c); the Portuguese vendor charges PT VAT. Each line is rounded half-up
    to the cent and the totals are sums of rounded lines."""
    shop = await build(client)
    created = await checkout(client, {"wine": 2, "ebook": 1, "tile": 1}, shop,
                             shippingAddress=ADDRESS)
    lines = created["lines"]
    assert [(ln["taxDecision"]["rate"], ln["taxDecision"]["treatment"]) for ln in lines] == [
        ("0.21", "STANDARD"), ("0.21", "STANDARD"), ("0.23", "STANDARD")]
    assert [amounts(ln["totalPrice"]) for ln in lines] == [
        ("20.00", "4.20", "24.20"),   # 2 x 12.10 gross at 21 %
        ("4.12", "0.87", "4.99"),     # 4.99 / 1.21 = 4.1239... -> 4.12
        ("14.63", "3.37", "18.00"),   # 18.00 / 1.23 = 14.634... -> 14.63
    ]
    total = created["totalPrice"]
    net = sum(Decimal(ln["totalPrice"]["net"]["amount"]) for ln in lines)
    tax = sum(Decimal(ln["totalPrice"]["tax"]["amount"]) for ln in lines)
    assert (Decimal(total["net"]["amount"]), Decimal(total["tax"]["amount"])) == (net, tax)


async def test_vendors_excluding_vat_get_it_added_for_the_buyers_territory(
        client: Client) -> None:
    token, _ = await client.vendor("net@example.com", "Net prices", country="PT",
                                   postal_code="1100-148")
    await client.gql("""mutation { vendorUpdate(id: "%s", input: { pricesIncludeTax: false })
                        { errors { code } } }""".replace("%s", (await client.gql(
        "{ myVendor { id } }", token=token))["myVendor"]["id"]), token=token)
    product_id, _ = await client.product(token, "Livro", price="9.99", taxClass="BOOKS")
    found = {}
    for place, country, postal in (("mainland", "PT", "1100-148"), ("azores", "PT", "9500-150"),
                                   ("madeira", "PT", "9000-098")):
        data = await client.gql(PRICING, {"id": product_id, "c": country, "p": postal})
        found[place] = amounts(data["product"]["pricing"])
    # a book is in Lista I: 6 % mainland; domestic goods are taxed where dispatch begins
    assert found["mainland"] == ("9.99", "0.60", "10.59")
    assert found["azores"] == found["mainland"]


async def test_goods_to_the_canaries_are_exported_free_of_vat(client: Client) -> None:
    shop = await build(client)
    created = await checkout(client, {"ebook": 1}, shop, shippingAddress=LAS_PALMAS)
    decision = created["lines"][0]["taxDecision"]
    assert decision == {"rate": "0", "treatment": "OUTSIDE_SCOPE"}  # e-service: IGIC area
    assert amounts(created["lines"][0]["totalPrice"]) == ("4.99", "0.00", "4.99")


async def test_vendor_tax_profile_is_set_by_its_staff_and_changes_decisions(
        client: Client) -> None:
    shop = await build(client)
    customer = await client.register("nosy@example.com")
    body = await client.raw(PROFILE, {"v": shop.es_vendor, "i": {"ossRegistered": True}},
                            customer)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    bad = (await client.gql(PROFILE, {"v": shop.es_vendor, "i": {"ossOptIn": True}},
                            shop.es_token))["iberiaVendorTaxProfileUpdate"]
    assert bad["errors"][0]["code"] == "OSS_REGISTRATION_REQUIRED"
    ok = (await client.gql(PROFILE, {"v": shop.es_vendor, "i": {
        "ossRegistered": True, "ossOptIn": True}}, shop.es_token))["iberiaVendorTaxProfileUpdate"]
    assert ok["errors"] == [] and ok["profile"]["ossOptIn"] is True
    created = await checkout(client, {"ebook": 1}, shop, shippingAddress=ADDRESS)
    decision = created["lines"][0]["taxDecision"]
    assert (decision["rate"], decision["treatment"]) == ("0.23", "STANDARD")  # PT VAT
    seen = await client.gql(TAX_PROFILE, {"id": shop.es_vendor}, shop.es_token)
    assert seen["vendor"]["taxProfile"] == {"ossOptIn": True}
    anonymous = await client.gql(TAX_PROFILE, {"id": shop.es_vendor})
    assert anonymous["vendor"]["taxProfile"] is None


async def test_education_exemption_needs_evidence_and_dates(client: Client) -> None:
    token, vendor_id = await client.vendor("school@example.com", "Escuela")
    missing = (await client.gql(PROFILE, {"v": vendor_id, "i": {
        "exemptionValidFrom": "2024-01-01"}}, token))["iberiaVendorTaxProfileUpdate"]
    assert missing["errors"][0]["field"] == "exemptionEvidence"
    ok = (await client.gql(PROFILE, {"v": vendor_id, "i": {
        "exemptionEvidence": "CM 28/0123", "exemptionValidFrom": "2024-01-01"}}, token)
          )["iberiaVendorTaxProfileUpdate"]
    assert ok["errors"] == []
    course, _ = await client.product(token, "Curso", kind="COURSE", price="100.00", stock=0,
                                     attributes=[{"key": "delivery",
                                                  "value": "ONLINE_RECORDED"}])
    data = await client.gql(PRICING, {"id": course, "c": "ES", "p": "28001"})
    assert amounts(data["product"]["pricing"]) == ("100.00", "0.00", "100.00")


async def _buy(client: Client, variant: str, operator: str) -> dict[str, Any]:
    data = await client.gql(CREATE, {"i": {"email": "buyer@example.com", "shippingAddress":
                                           ADDRESS, "lines": [{"variantId": variant,
                                                               "quantity": 1}]}})
    line = data["checkoutCreate"]["checkout"]["lines"][0]
    done = (await client.gql(COMPLETE, {"id": data["checkoutCreate"]["checkout"]["id"]})
            )["checkoutComplete"]
    assert done["errors"] == [], done
    order = done["order"]
    snapshot = order["vendorOrders"][0]["lines"][0]["taxDecision"]  # stored on the order line
    assert (Decimal(snapshot["rate"]), snapshot["treatment"]) == (
        Decimal(line["taxDecision"]["rate"]), line["taxDecision"]["treatment"])
    paid = await client.gql(PAID, {"id": order["id"]}, operator)
    assert paid["orderMarkPaid"]["order"]["status"] == "PAID"
    await client.runtime.dispatcher.drain()  # type: ignore[union-attr]
    decision: dict[str, Any] = line["taxDecision"]
    return decision


async def test_the_threshold_switches_to_destination_vat_at_the_sale_that_crosses_it(
        client: Client) -> None:
    """Art. 59c: a Spanish vendor's e-services to Portuguese consumers carry Spanish VAT while
    its cross-border B2C sales stay within €10,000; the sale that takes them over is the
    first taxed in Portugal, and so are the ones after it."""
    operator = await client.operator("threshold-op@example.com")
    token, _ = await client.vendor("oss@example.com", "Cursos", operator_token=operator)
    _, variant = await client.product(token, "Masterclass", kind="DIGITAL", price="6000.00",
                                      stock=0, digitalAsset="https://cdn.example/m.mp4")
    # 6000 / 1.21 = 4958.68 net per sale: 4958.68, 9917.36, then 14876.04 > 10000
    rates, tax_facts = [], []
    for _ in range(4):
        rates.append((await _buy(client, variant, operator))["rate"])
        async with client.runtime.db.read() as session:
            tax_facts.append((await read_versions(session))["tax_facts"])
    assert rates == ["0.21", "0.21", "0.23", "0.23"]
    # cached prices follow each sale while within the threshold, then nothing changes
    steps = [b - a for a, b in pairwise(tax_facts)]
    assert steps == [1, 1, 0]


async def test_a_redelivered_paid_event_counts_the_sale_once(client: Client) -> None:
    operator = await client.operator("redeliver-op@example.com")
    token, _ = await client.vendor("once@example.com", "Once", operator_token=operator)
    _, variant = await client.product(token, "Guide", kind="DIGITAL", price="12.10", stock=0,
                                      digitalAsset="https://cdn.example/g.pdf")
    await _buy(client, variant, operator)
    async with client.runtime.db.read() as session:
        [order_id] = (await session.execute(select(table("order", column("id")).c.id))
                      ).scalars().all()
    assert await record_paid_order(client.runtime, order_id, datetime.now(UTC)) == 0
    async with client.runtime.db.read() as session:
        rows = (await session.execute(select(CrossBorderSale.net))).scalars().all()
    assert rows == [Decimal("10.00")]  # 12.10 incl. 21 % ES VAT, counted once
