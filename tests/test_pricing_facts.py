"""Core additions for tax plugins (issue 17): ``ruta_pricing_facts`` passes fresh vendor facts
on ``PricingLine.vendor_facts`` (read once per checkout and once per listing batch), and a
vendor's shipping charge is split over the goods' tax decisions (VAT Directive art. 78(b))."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from engine.catalog.pricing import PricingLine, TaxDecision, price_shipping, shares
from engine.plugins.api import decode_id
from engine.plugins.manager import build_plugin_manager
from engine.plugins.markers import hookimpl
from tests.shop import ADDRESS, CREATE, SHIPPING, method

PRICING = """query($id: ID!) { product(id: $id) { pricing(country: ES) { tax { amount } } } }"""


class RateFromFacts:
    """A tax plugin whose rate is a vendor fact kept by the test (as a table would); it
    taxes goods only, so shipping is taxed only by following them."""

    def __init__(self) -> None:
        self.rates: dict[int, str] = {}
        self.calls: list[tuple[tuple[int, ...], str | None]] = []

    @hookimpl
    async def ruta_pricing_facts(self, vendor_ids: Sequence[int], buyer_vat_id: str | None
                                 ) -> dict[int, dict[str, Any]]:
        self.calls.append((tuple(vendor_ids), buyer_vat_id))
        return {v: {"test_rate": self.rates[v]} for v in vendor_ids if v in self.rates}

    @hookimpl
    def ruta_tax_decision(self, line: PricingLine) -> TaxDecision | None:
        rate = line.vendor_facts.get("test_rate")
        if line.product_kind == "SHIPPING" or not rate:
            return None
        return TaxDecision(Decimal(rate), "STANDARD")


async def test_a_changed_vendor_fact_is_used_on_the_next_request(plugged: Any) -> None:
    facts = RateFromFacts()
    async with plugged(facts, core_only=True) as client:
        operator = await client.operator()
        token, vendor = await client.vendor("v@example.com", "Vendor V", operator_token=operator)
        product, variant = await client.product(token, price="12.10")
        pk = decode_id(vendor, "Vendor")
        assert (await client.gql(PRICING, {"id": product}))["product"]["pricing"]["tax"][
            "amount"] == "0.00"
        facts.rates[pk] = "0.21"
        assert (await client.gql(PRICING, {"id": product}))["product"]["pricing"]["tax"][
            "amount"] == "2.10"
        data = await client.gql(CREATE, {"i": {"email": "b@example.com", "vatId": "X1",
                                               "lines": [{"variantId": variant,
                                                          "quantity": 2}]}})
        assert data["checkoutCreate"]["checkout"]["totalPrice"]["tax"]["amount"] == "4.20"
        assert facts.calls[-1] == ((pk,), "X1")  # once per checkout, with the buyer's number


async def test_shipping_follows_the_goods_decisions_in_proportion(plugged: Any) -> None:
    facts = RateFromFacts()
    async with plugged(facts, core_only=True) as client:
        operator = await client.operator()
        token, vendor = await client.vendor("s@example.com", "Vendor S", operator_token=operator)
        _, variant = await client.product(token, price="10.00")
        facts.rates[decode_id(vendor, "Vendor")] = "0.21"
        ship = await method(client, token, name="Post", countries=["PT"], price="3.00")
        data = await client.gql(CREATE, {"i": {"email": "b@example.com", "shippingAddress":
                                               ADDRESS, "lines": [{"variantId": variant,
                                                                   "quantity": 1}]}})
        checkout = data["checkoutCreate"]["checkout"]
        chosen = await client.gql(SHIPPING, {"id": checkout["id"], "v": vendor, "m": ship})
        vendor_state = chosen["checkoutShippingMethodUpdate"]["checkout"]["vendors"][0]
        assert vendor_state["shippingPrice"]["gross"]["amount"] == "3.00"
        total = chosen["checkoutShippingMethodUpdate"]["checkout"]["totalPrice"]
        # goods 8.26 + 1.74; shipping takes the goods' 21 %: 2.48 + 0.52
        assert (total["net"]["amount"], total["tax"]["amount"]) == ("10.74", "2.26")


def test_a_shipping_charge_is_split_per_goods_rate() -> None:
    plugins = build_plugin_manager(entry_points_from=None)
    line = PricingLine(unit_price=Decimal("6.00"), quantity=1, prices_include_tax=False,
                       product_kind="SHIPPING", tax_class="STANDARD", vendor_id=1,
                       vendor_country="ES", vendor_postal_code="28001")
    book = TaxDecision(Decimal("0.04"), "SUPER_REDUCED", "ES")
    wine = TaxDecision(Decimal("0.21"), "STANDARD", "ES")
    parts = price_shipping(plugins, line, [(book, Decimal("15.00")), (wine, Decimal("10.00")),
                                           (book, Decimal("5.00"))])
    assert [(p.decision.rate, p.total.net, p.total.tax) for p in parts] == [
        (Decimal("0.04"), Decimal("4.00"), Decimal("0.16")),
        (Decimal("0.21"), Decimal("2.00"), Decimal("0.42"))]
    assert shares(Decimal("1.00"), [Decimal(1)] * 3) == [Decimal("0.33"), Decimal("0.33"),
                                                          Decimal("0.34")]
    assert shares(Decimal("1.00"), [Decimal(0), Decimal(0)]) == [Decimal("1.00"),
                                                                  Decimal("0.00")]
