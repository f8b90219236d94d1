"""What validation plugins see of a checkout: plain, read-only data."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from engine.checkout.state import CheckoutState


@dataclass(frozen=True)
class CheckoutLineSnapshot:
    variant_id: int
    product_id: int
    vendor_id: int
    product_kind: str
    tax_class: str
    quantity: int
    unit_gross: Decimal
    starts_at: Any
    ends_at: Any


@dataclass(frozen=True)
class CheckoutSnapshot:
    checkout_id: int
    user_id: int | None
    email: str | None
    vat_id: str | None
    shipping_address: dict[str, Any] | None
    billing_address: dict[str, Any] | None
    language_code: str
    lines: tuple[CheckoutLineSnapshot, ...]
    total_gross: Decimal
    plugin_data: dict[str, Any]


def checkout_snapshot(state: CheckoutState) -> CheckoutSnapshot:
    checkout = state.checkout
    return CheckoutSnapshot(
        checkout_id=checkout.id, user_id=checkout.user_id, email=checkout.email,
        vat_id=checkout.vat_id, shipping_address=checkout.shipping_address,
        billing_address=checkout.billing_address, language_code=checkout.language_code,
        lines=tuple(CheckoutLineSnapshot(
            variant_id=ln.variant.id, product_id=ln.product.id, vendor_id=ln.vendor.id,
            product_kind=ln.product.kind, tax_class=ln.product.tax_class,
            quantity=ln.line.quantity, unit_gross=ln.priced.unit.gross,
            starts_at=ln.variant.starts_at, ends_at=ln.variant.ends_at) for ln in state.lines),
        total_gross=state.total.gross, plugin_data=dict(checkout.plugin_data or {}))
