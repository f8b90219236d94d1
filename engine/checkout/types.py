"""GraphQL types of a priced checkout: Address, TaxDecision, CheckoutLine, CheckoutVendor,
Checkout. Built once from a ``CheckoutState``: no resolver re-prices anything."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry

from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.api.ids import encode_id, encode_token_id
from engine.api.money_types import MoneyType, TaxedMoneyType, money
from engine.catalog.pricing import TaxDecision
from engine.catalog.types import ProductType, ProductVariantType
from engine.checkout.state import CheckoutState, LineState, VendorState
from engine.shipping.graphql import ShippingMethodType
from engine.vendors.types import VendorType


@strawberry.type(name="Address")
class AddressType:
    first_name: str
    last_name: str
    company_name: str
    street_address_1: str
    street_address_2: str
    city: str
    postal_code: str
    country: CountryCode  # type: ignore[valid-type]
    country_area: str
    phone: str

    @classmethod
    def of(cls, data: dict[str, Any] | None) -> AddressType | None:
        if not data:
            return None
        return cls(first_name=data["firstName"], last_name=data["lastName"],
                   company_name=data.get("companyName", ""),
                   street_address_1=data["streetAddress1"],
                   street_address_2=data.get("streetAddress2", ""), city=data["city"],
                   postal_code=data["postalCode"], country=data["country"],
                   country_area=data.get("countryArea", ""), phone=data.get("phone", ""))


@strawberry.type(name="TaxDecision")
class TaxDecisionType:
    rate: Decimal
    treatment: str
    territory: str | None
    legal_note: str | None

    @classmethod
    def of(cls, decision: TaxDecision) -> TaxDecisionType:
        # the same rate reads the same on checkout and order lines ("0.21", not "0.2100")
        return cls(rate=decision.rate.normalize(), treatment=decision.treatment,
                   territory=decision.territory, legal_note=decision.legal_note)


@strawberry.type(name="CheckoutLine")
class CheckoutLineType:
    id: strawberry.ID
    quantity: int
    variant: ProductVariantType
    unit_price: TaxedMoneyType
    total_price: TaxedMoneyType
    tax_decision: TaxDecisionType
    is_available: bool
    requires_shipping: bool
    discount: TaxedMoneyType = strawberry.field(
        description="What the vendor's promotion takes off this line (zero without one).")
    undiscounted_total: TaxedMoneyType = strawberry.field(
        description="The line at the catalog price, before any promotion.")
    promotion_name: str | None = strawberry.field(
        description="The vendor promotion applied to this line, if any.")
    platform_discount: MoneyType = strawberry.field(
        description="What a platform-funded voucher pays of this line for the buyer; the "
                    "line's prices and VAT stay whole (VAT Directive art. 73).")

    @classmethod
    def of(cls, line: LineState, language: str | None) -> CheckoutLineType:
        product = ProductType.of(line.product, line.product_name, line.product.description,
                                 language)
        return cls(id=encode_id("CheckoutLine", line.line.id), quantity=line.line.quantity,
                   variant=ProductVariantType.of(line.variant, product),
                   unit_price=TaxedMoneyType.of(line.priced.unit),
                   total_price=TaxedMoneyType.of(line.priced.total),
                   tax_decision=TaxDecisionType.of(line.priced.decision),
                   is_available=line.available, requires_shipping=line.shippable,
                   discount=TaxedMoneyType.of(line.discount),
                   undiscounted_total=TaxedMoneyType.of(line.undiscounted_total),
                   promotion_name=line.reduction.promotion.name
                   if line.reduction and line.reduction.promotion else None,
                   platform_discount=money(line.platform_discount))


@strawberry.type(name="CheckoutVendor", description="The part of a checkout one vendor sells.")
class CheckoutVendorType:
    vendor: VendorType
    line_ids: list[strawberry.ID]
    subtotal_price: TaxedMoneyType
    shipping_price: TaxedMoneyType
    total_price: TaxedMoneyType
    is_shipping_required: bool
    shipping_method: ShippingMethodType | None
    available_shipping_methods: list[ShippingMethodType]
    shipping_discount: TaxedMoneyType = strawberry.field(
        description="Shipping the vendor's free-shipping voucher waived.")
    platform_discount: MoneyType = strawberry.field(
        description="What a platform-funded voucher pays of this vendor's part.")

    @classmethod
    def of(cls, state: VendorState) -> CheckoutVendorType:
        return cls(
            vendor=VendorType.of(state.vendor, state.vendor.description, None),
            line_ids=[encode_id("CheckoutLine", ln.line.id) for ln in state.lines],
            subtotal_price=TaxedMoneyType.of(state.subtotal),
            shipping_price=TaxedMoneyType.of(state.shipping),
            total_price=TaxedMoneyType.of(state.total),
            is_shipping_required=state.needs_shipping,
            shipping_method=ShippingMethodType.of(state.shipping_method)
            if state.shipping_method and state.needs_shipping else None,
            available_shipping_methods=[ShippingMethodType.of(m) for m in state.methods],
            shipping_discount=TaxedMoneyType.of(state.shipping_discount),
            platform_discount=money(state.platform_discount))


@strawberry.type(name="Checkout")
class CheckoutType:
    id: strawberry.ID
    email: str | None
    voucher_code: str | None = strawberry.field(
        description="The applied voucher code, if any (see isVoucherValid).")
    is_voucher_valid: bool = strawberry.field(
        description="False when the applied code no longer gives a discount.")
    vat_id: str | None
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    shipping_address: AddressType | None
    billing_address: AddressType | None
    lines: list[CheckoutLineType]
    vendors: list[CheckoutVendorType]
    subtotal_price: TaxedMoneyType
    shipping_price: TaxedMoneyType
    total_price: TaxedMoneyType
    is_shipping_required: bool
    platform_discount: MoneyType = strawberry.field(
        description="What a platform-funded voucher pays for the buyer.")
    amount_due: MoneyType = strawberry.field(
        description="What the buyer pays: totalPrice.gross less platformDiscount.")

    @classmethod
    def of(cls, state: CheckoutState) -> CheckoutType:
        checkout = state.checkout
        language = checkout.language_code
        return cls(
            id=encode_token_id("Checkout", checkout.token), email=checkout.email,
            voucher_code=checkout.voucher_code,
            is_voucher_valid=checkout.voucher_code is None or state.voucher is not None,
            vat_id=checkout.vat_id, language_code=language,
            shipping_address=AddressType.of(checkout.shipping_address),
            billing_address=AddressType.of(checkout.billing_address),
            lines=[CheckoutLineType.of(line, language) for line in state.lines],
            vendors=[CheckoutVendorType.of(v) for v in state.vendors],
            subtotal_price=TaxedMoneyType.of(state.subtotal),
            shipping_price=TaxedMoneyType.of(state.shipping),
            total_price=TaxedMoneyType.of(state.total),
            is_shipping_required=state.needs_shipping,
            platform_discount=money(state.platform_discount),
            amount_due=money(state.amount_due))
