"""A checkout's current state, priced: its lines with product, variant and vendor, the
shipping of each vendor, and every total. Two statements load it whatever its size.

Vendors' facts for pricing (``ruta_pricing_facts``) are read once per load, fresh.
This is the single place where a cart is priced; ``checkoutComplete`` snapshots exactly
this onto the order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pluggy
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.catalog.kinds import product_kinds
from engine.catalog.models import Product, ProductTranslation, ProductVariant
from engine.catalog.pricing import PricedLine, PricingLine, price_line, price_shipping
from engine.catalog.pricing_facts import vendor_pricing_facts
from engine.checkout.models import Checkout, CheckoutLine
from engine.checkout.platform_voucher import apply_platform_voucher
from engine.money import TaxedMoney
from engine.promotions.checkout import Reduction, difference, with_voucher
from engine.promotions.models import Voucher
from engine.promotions.rules import Candidate
from engine.promotions.voucher_rules import frees_shipping
from engine.shipping.models import ShippingMethod
from engine.translations import translated
from engine.vendors.models import Vendor


@dataclass
class LineState:
    line: CheckoutLine
    variant: ProductVariant
    product: Product
    vendor: Vendor
    #: The product's name in the checkout's language (with the usual fallback).
    product_name: str
    priced: PricedLine
    shippable: bool
    bookable: bool
    #: The vendor promotion on this line and what it takes off (zero without one).
    reduction: Reduction | None = None
    discount: TaxedMoney = field(default_factory=TaxedMoney.zero)
    #: What a platform-funded voucher pays of this line's gross (the line stays priced in
    #: full: it is the vendor's taxable amount).
    platform_discount: Decimal = Decimal("0.00")

    @property
    def undiscounted_total(self) -> TaxedMoney:
        return self.priced.total + self.discount

    @property
    def available(self) -> bool:
        """Still for sale: a published product of an approved vendor."""
        return self.product.is_published and self.vendor.status == "APPROVED"

    @property
    def tracks_stock(self) -> bool:
        return self.shippable and not self.bookable

    @property
    def quantity_available(self) -> int | None:
        if self.bookable:
            return (self.variant.capacity or 0) - self.variant.seats_taken
        return self.variant.stock if self.tracks_stock else None


@dataclass
class VendorState:
    vendor: Vendor
    lines: list[LineState] = field(default_factory=list)
    subtotal: TaxedMoney = field(default_factory=TaxedMoney.zero)
    shipping_method: ShippingMethod | None = None
    shipping: TaxedMoney = field(default_factory=TaxedMoney.zero)
    methods: list[ShippingMethod] = field(default_factory=list)
    #: Shipping a vendor-funded free-shipping voucher waived (the vendor charges nothing).
    shipping_discount: TaxedMoney = field(default_factory=TaxedMoney.zero)
    #: Shipping a platform-funded free-shipping voucher pays for the buyer.
    platform_shipping: Decimal = Decimal("0.00")

    @property
    def platform_discount(self) -> Decimal:
        return sum((ln.platform_discount for ln in self.lines), self.platform_shipping)

    @property
    def needs_shipping(self) -> bool:
        return any(line.shippable for line in self.lines)

    @property
    def total(self) -> TaxedMoney:
        return self.subtotal + self.shipping


@dataclass
class CheckoutState:
    checkout: Checkout
    lines: list[LineState]
    vendors: list[VendorState]
    #: The applied voucher while it is usable (None: no code, or no longer valid).
    voucher: Voucher | None = None

    @property
    def subtotal(self) -> TaxedMoney:
        return sum((v.subtotal for v in self.vendors), TaxedMoney.zero())

    @property
    def shipping(self) -> TaxedMoney:
        return sum((v.shipping for v in self.vendors), TaxedMoney.zero())

    @property
    def total(self) -> TaxedMoney:
        return sum((v.total for v in self.vendors), TaxedMoney.zero())

    @property
    def needs_shipping(self) -> bool:
        return any(v.needs_shipping for v in self.vendors)

    @property
    def platform_discount(self) -> Decimal:
        """What a platform-funded voucher pays for the buyer (gross)."""
        return sum((v.platform_discount for v in self.vendors), Decimal("0.00"))

    @property
    def amount_due(self) -> Decimal:
        """What the buyer is charged: the total less the platform's part."""
        return self.total.gross - self.platform_discount


def buyer_location(checkout: Checkout) -> dict[str, Any]:
    """Where the buyer is, for tax: the shipping address, else the billing address."""
    address = checkout.shipping_address or checkout.billing_address or {}
    return {"buyer_country": address.get("country"), "buyer_postal_code": address.get("postalCode"),
            "buyer_vat_id": checkout.vat_id, "plugin_data": dict(checkout.plugin_data or {})}


def _pricing_line(line: CheckoutLine, variant: ProductVariant, product: Product, vendor: Vendor,
                  checkout: Checkout, facts: dict[int, dict[str, Any]],
                  unit_price: Decimal | None = None) -> PricingLine:
    return PricingLine(
        unit_price=variant.price if unit_price is None else unit_price, quantity=line.quantity,
        prices_include_tax=vendor.prices_include_tax, product_kind=product.kind,
        tax_class=product.tax_class, vendor_id=vendor.id, vendor_country=vendor.country,
        vendor_postal_code=vendor.postal_code, product_id=product.id, variant_id=variant.id,
        product_attributes=dict(product.attributes or {}), starts_at=variant.starts_at,
        ends_at=variant.ends_at, vendor_facts=facts.get(vendor.id, {}),
        **buyer_location(checkout))


def _shipping(plugins: pluggy.PluginManager, state: VendorState, checkout: Checkout,
              facts: dict[int, dict[str, Any]], voucher: Voucher | None) -> None:
    chosen = (checkout.shipping_methods or {}).get(str(state.vendor.id))
    state.shipping_method = next((m for m in state.methods if m.id == chosen), None)
    method = state.shipping_method
    if method is None or not state.needs_shipping:
        return
    goods = sum((ln.priced.total.gross for ln in state.lines if ln.shippable), Decimal(0))
    if method.free_over is not None and goods >= method.free_over:
        return
    vendor = state.vendor
    parts = price_shipping(plugins, PricingLine(
        unit_price=method.price, quantity=1, prices_include_tax=vendor.prices_include_tax,
        product_kind="SHIPPING", tax_class="STANDARD", vendor_id=vendor.id,
        vendor_country=vendor.country, vendor_postal_code=vendor.postal_code,
        vendor_facts=facts.get(vendor.id, {}), **buyer_location(checkout)),
        [(ln.priced.decision, ln.priced.total.net) for ln in state.lines if ln.shippable])
    state.shipping = sum((part.total for part in parts), TaxedMoney.zero())
    if frees_shipping(voucher, vendor.id):
        state.shipping_discount, state.shipping = state.shipping, TaxedMoney.zero()


async def load_state(session: AsyncSession, plugins: pluggy.PluginManager, checkout: Checkout
                     ) -> CheckoutState:
    name = translated(ProductTranslation, ProductTranslation.product_id, Product.id, "name",
                      Product.name, Product.language_code, checkout.language_code)
    query = (select(CheckoutLine, ProductVariant, Product, Vendor, name.label("t_name"))
             .join(ProductVariant, ProductVariant.id == CheckoutLine.variant_id)
             .join(Product, Product.id == ProductVariant.product_id)
             .join(Vendor, Vendor.id == Product.vendor_id)
             .where(CheckoutLine.checkout_id == checkout.id)
             .order_by(CheckoutLine.id))
    rows = (await session.execute(query)).all()
    facts = await vendor_pricing_facts(session, plugins, (row[3].id for row in rows),
                                       checkout.vat_id)
    kinds = product_kinds(plugins)
    lines: list[LineState] = []
    vendors: dict[int, VendorState] = {}
    found, voucher = await with_voucher(session, [Candidate(
        vendor_id=vendor.id, product_id=product.id, category_id=product.category_id,
        unit_price=variant.price, quantity=line.quantity,
        vendor_promotes=vendor.has_promotions)
        for line, variant, product, vendor, _ in rows], checkout.voucher_code)
    for (line, variant, product, vendor, product_name), reduction in zip(rows, found,
                                                                          strict=True):
        spec = kinds.get(product.kind)
        priced = price_line(plugins, _pricing_line(
            line, variant, product, vendor, checkout, facts, variant.price - reduction.per_unit))
        discount = TaxedMoney.zero()
        if reduction.per_unit:
            full = price_line(plugins, _pricing_line(line, variant, product, vendor, checkout,
                                                     facts))
            discount = difference(full.total, priced.total)
        state = LineState(line=line, variant=variant, product=product, vendor=vendor,
                          product_name=product_name, priced=priced,
                          shippable=bool(spec and spec.shippable),
                          bookable=variant.is_bookable, reduction=reduction, discount=discount)
        lines.append(state)
        vendor_state = vendors.setdefault(vendor.id, VendorState(vendor=vendor))
        vendor_state.lines.append(state)
        vendor_state.subtotal = vendor_state.subtotal + state.priced.total
    shipping_vendors = [v.vendor.id for v in vendors.values() if v.needs_shipping]
    if shipping_vendors:
        methods = await session.scalars(
            select(ShippingMethod).where(ShippingMethod.vendor_id.in_(shipping_vendors),
                                         ShippingMethod.is_active).order_by(ShippingMethod.id))
        country = (checkout.shipping_address or {}).get("country")
        for method in methods:
            if country is None or country in method.countries:
                vendors[method.vendor_id].methods.append(method)
        for vendor_state in vendors.values():
            _shipping(plugins, vendor_state, checkout, facts, voucher)
    loaded = CheckoutState(checkout=checkout, lines=lines, vendors=list(vendors.values()),
                           voucher=voucher)
    apply_platform_voucher(loaded)
    return loaded
