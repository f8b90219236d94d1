"""Plugins extend the engine through hooks only: schema, kinds, tax, prices, validation."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest
import strawberry

from engine import hookimpl
from engine.api.context import Info
from engine.api.schema import build_schema
from engine.catalog.pricing import PricingLine, TaxDecision
from engine.catalog.types import ProductType
from engine.errors import ValidationError
from engine.plugins.contributions import GraphQLContribution, ProductKindSpec, TaxClassSpec
from engine.plugins.manager import PluginError, build_plugin_manager
from engine.settings import Settings

PRICING = """query($id: ID!, $country: CountryCode) { product(id: $id) {
  pricing(country: $country) { net { amount } tax { amount } gross { amount } currency }
  variants { pricing(country: $country) { gross { amount } } } } }"""


@strawberry.type
class PingQuery:
    @strawberry.field
    def plugin_ping(self) -> str:
        return "pong"


def made_in(root: ProductType, info: Info) -> str:
    return f"{root.name} (handmade)"


class SchemaPlugin:
    @hookimpl
    def ruta_graphql_schema(self) -> GraphQLContribution:
        return GraphQLContribution(query=[PingQuery])

    @hookimpl
    def ruta_graphql_type_fields(self, type_name: str) -> Sequence[Any]:
        if type_name == "Product":
            return [strawberry.field(resolver=made_in, name="madeIn")]
        return []

    @hookimpl
    def ruta_product_kinds(self) -> list[ProductKindSpec]:
        return [ProductKindSpec("GIFT_CARD", "Gift cards")]

    @hookimpl
    def ruta_tax_classes(self) -> list[TaxClassSpec]:
        return [TaxClassSpec("BOOKS", "Books")]


class SpanishVat:
    """21 % for buyers in Spain, nothing elsewhere (a toy, for the contract only)."""

    @hookimpl
    def ruta_tax_decision(self, line: PricingLine) -> TaxDecision | None:
        if line.buyer_country == "ES":
            return TaxDecision(rate=Decimal("0.21"), treatment="STANDARD", territory="ES")
        return None


class TenPercentOff:
    @hookimpl
    def ruta_unit_price(self, line: PricingLine) -> Decimal:
        return line.unit_price * Decimal("0.9")


class StrictTaxIds:
    @hookimpl
    def ruta_vendor_validate(self, data: dict[str, Any]) -> None:
        if data.get("tax_id") and not data["tax_id"].startswith("B"):
            raise ValidationError("taxId", "INVALID_TAX_ID", "Not a valid Spanish CIF.")

    @hookimpl
    def ruta_variant_validate(self, data: dict[str, Any], product_kind: str) -> None:
        if product_kind == "DIGITAL" and data.get("stock"):
            raise ValidationError("stock", "INVALID", "Digital goods have no stock.")


class AsyncTax:
    @hookimpl
    async def ruta_tax_decision(self, line: PricingLine) -> None:
        return None


async def test_plugins_add_root_fields_type_fields_kinds_and_tax_classes(plugged: Any) -> None:
    async with plugged(SchemaPlugin(), core_only=True) as client:
        token, _ = await client.vendor("gift@example.com", "Gifts")
        product_id, _ = await client.product(token, "Voucher", kind="GIFT_CARD",
                                             taxClass="BOOKS")
        data = await client.gql("""query($id: ID!) { pluginPing taxClasses { code }
            product(id: $id) { kind madeIn } }""", {"id": product_id})
        assert data == {"pluginPing": "pong",
                        "taxClasses": [{"code": "STANDARD"}, {"code": "BOOKS"}],
                        "product": {"kind": "GIFT_CARD", "madeIn": "Voucher (handmade)"}}
        listed = await client.gql(
            "{ products(first: 5, filter: { kind: GIFT_CARD }) { edges { node { kind } } } }")
        assert listed["products"]["edges"] == [{"node": {"kind": "GIFT_CARD"}}]
    plain = build_schema(build_plugin_manager(entry_points_from="ruta"), Settings()).as_str()
    assert "madeIn" not in plain and "pluginPing" not in plain and "GIFT_CARD" not in plain


async def test_core_default_charges_no_tax(plugged: Any) -> None:
    async with plugged(core_only=True) as client:
        token, _ = await client.vendor("notax@example.com", "No tax")
        product_id, _ = await client.product(token, "Bread", price="2.40")
        data = await client.gql(PRICING, {"id": product_id, "country": "ES"})
    assert data["product"]["pricing"] == {"net": {"amount": "2.40"}, "tax": {"amount": "0.00"},
                                          "gross": {"amount": "2.40"}, "currency": "EUR"}


async def test_tax_and_price_hooks_decide_pricing(plugged: Any) -> None:
    async with plugged(SpanishVat(), TenPercentOff(), core_only=True) as client:
        token, _ = await client.vendor("vat@example.com", "Vat")  # prices include tax
        product_id, _ = await client.product(token, "Wine", price="12.10")
        spain = await client.gql(PRICING, {"id": product_id, "country": "ES"})
        # 10 % off 12.10 = 10.89 gross, of which 21 % VAT: net 9.00, tax 1.89
        assert spain["product"]["pricing"] == {
            "net": {"amount": "9.00"}, "tax": {"amount": "1.89"}, "gross": {"amount": "10.89"},
            "currency": "EUR"}
        portugal = await client.gql(PRICING, {"id": product_id, "country": "PT"})
        assert portugal["product"]["pricing"]["tax"] == {"amount": "0.00"}
        assert portugal["product"]["variants"][0]["pricing"]["gross"] == {"amount": "10.89"}


async def test_validation_hooks_refuse_input_with_typed_errors(plugged: Any) -> None:
    async with plugged(StrictTaxIds(), core_only=True) as client:
        token = await client.register("cif@example.com")
        data = await client.gql(
            """mutation($i: VendorCreateInput!) { vendorCreate(input: $i) { vendor { id }
               errors { field code message } } }""",
            {"i": {"name": "Bad CIF", "country": "ES", "postalCode": "21700",
                   "taxId": "X1234567"}}, token)
        assert data["vendorCreate"] == {"vendor": None, "errors": [
            {"field": "taxId", "code": "INVALID_TAX_ID", "message": "Not a valid Spanish CIF."}]}
        assert (await client.gql("{ myVendor { id } }", token=token))["myVendor"] is None
        seller, _ = await client.vendor("dig@example.com", "Digital")
        created = await client.gql(
            """mutation { productCreate(input: { name: "E-book", kind: DIGITAL }) {
               product { id } } }""", token=seller)
        variant = await client.gql(
            """mutation($i: ProductVariantCreateInput!) { productVariantCreate(input: $i) {
               variant { id } errors { field code } } }""",
            {"i": {"productId": created["productCreate"]["product"]["id"], "sku": "EB",
                   "price": "5", "stock": 3}}, seller)
        assert variant["productVariantCreate"] == {"variant": None, "errors": [
            {"field": "stock", "code": "INVALID"}]}


def test_async_computation_hooks_are_refused_at_registration() -> None:
    with pytest.raises(PluginError, match="ruta_tax_decision must be a sync function"):
        build_plugin_manager(entry_points_from=None, extra_plugins=[AsyncTax()])


class WhereItHappens:
    """Taxes an in-person event where it takes place (reads product attributes)."""

    @hookimpl
    def ruta_tax_decision(self, line: PricingLine) -> TaxDecision | None:
        if line.product_attributes.get("delivery") == "IN_PERSON":
            return TaxDecision(rate=Decimal("0.10"), treatment="REDUCED",
                               territory=line.product_attributes.get("location_country"))
        return None


async def test_product_attributes_reach_the_tax_hook_and_update_partially(plugged: Any
                                                                         ) -> None:
    async with plugged(WhereItHappens(), core_only=True) as client:
        token, _ = await client.vendor("event@example.com", "Events")
        product_id, _ = await client.product(
            token, "Tasting", kind="EVENT", price="11.00",
            attributes=[{"key": "delivery", "value": "IN_PERSON"},
                        {"key": "location_country", "value": "ES"}])
        query = """query($id: ID!) { product(id: $id) { attributes { key value }
            pricing { tax { amount } } variants { pricing { net { amount } } } } }"""
        data = (await client.gql(query, {"id": product_id}))["product"]
        assert data["attributes"] == [{"key": "delivery", "value": "IN_PERSON"},
                                      {"key": "location_country", "value": "ES"}]
        assert data["pricing"]["tax"] == {"amount": "1.00"}
        update = """mutation($id: ID!, $a: [AttributeInput!]) { productUpdate(id: $id,
            input: { attributes: $a }) { product { id } errors { field code } } }"""
        await client.gql(update, {"id": product_id, "a": [{"key": "delivery", "value": ""}]},
                         token)
        data = (await client.gql(query, {"id": product_id}))["product"]
        assert data["attributes"] == [{"key": "location_country", "value": "ES"}]
        assert data["pricing"]["tax"] == {"amount": "0.00"}
        bad = await client.gql(update, {"id": product_id, "a": [{"key": "Bad Key",
                                                                 "value": "x"}]}, token)
        assert bad["productUpdate"]["errors"] == [{"field": "attributes", "code": "INVALID"}]
