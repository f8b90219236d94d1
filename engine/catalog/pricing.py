"""Pricing one line for a buyer: unit price hook, then tax decision hook, then TaxedMoney.

This is the single place where a catalog price becomes net/tax/gross for a location.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import pluggy

from engine.money import TaxedMoney, quantize, taxed

TREATMENTS = (
    "STANDARD", "REDUCED", "SUPER_REDUCED", "ZERO", "EXEMPT", "REVERSE_CHARGE",
    "INTRA_EU_EXEMPT", "EXPORT_EXEMPT", "OUTSIDE_SCOPE",
)


@dataclass(frozen=True)
class PricingLine:
    """Everything a pricing or tax plugin may look at for one line."""

    unit_price: Decimal
    quantity: int
    prices_include_tax: bool
    product_kind: str
    tax_class: str
    vendor_id: int
    vendor_country: str
    vendor_postal_code: str
    buyer_country: str | None = None
    buyer_postal_code: str | None = None
    buyer_vat_id: str | None = None
    product_id: int | None = None
    variant_id: int | None = None
    #: The product's ``attributes`` (``delivery``, ``location_country``...).
    product_attributes: Mapping[str, Any] = field(default_factory=dict)
    #: When a bookable variant (session, slot, cohort) takes place.
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    #: The checkout's ``plugin_data`` (empty outside a checkout), e.g. an applied voucher.
    plugin_data: Mapping[str, Any] = field(default_factory=dict)
    #: The vendor's facts from ``ruta_pricing_facts``, read for this request (never stale).
    vendor_facts: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TaxDecision:
    rate: Decimal
    treatment: str
    territory: str | None = None
    legal_note: str | None = None

    def __post_init__(self) -> None:
        if self.treatment not in TREATMENTS:
            raise ValueError(f"unknown tax treatment {self.treatment!r}")
        if self.rate < 0 or self.rate >= 1:
            raise ValueError("a tax rate is a fraction in [0, 1)")


NO_TAX = TaxDecision(rate=Decimal("0"), treatment="OUTSIDE_SCOPE")


@dataclass(frozen=True)
class PricedLine:
    unit: TaxedMoney
    total: TaxedMoney
    decision: TaxDecision


def price_line(plugins: pluggy.PluginManager, line: PricingLine) -> PricedLine:
    """Apply ``ruta_unit_price`` then ``ruta_tax_decision`` and split into net/tax/gross.

    The line total is computed from the rounded line amount (unit price x quantity), so line
    totals add up exactly to sums of rounded amounts.
    """
    adjusted = plugins.hook.ruta_unit_price(line=line)
    unit_price = quantize(Decimal(adjusted)) if adjusted is not None else quantize(line.unit_price)
    decision: TaxDecision = plugins.hook.ruta_tax_decision(line=line) or NO_TAX
    include = line.prices_include_tax
    unit = taxed(unit_price, decision.rate, prices_include_tax=include)
    total = taxed(unit_price * line.quantity, decision.rate, prices_include_tax=include)
    return PricedLine(unit=unit, total=total, decision=decision)


def shares(amount: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """``amount`` split in proportion to ``weights`` in cents; the last share takes the
    rounding remainder (all to the first when every weight is zero)."""
    total = sum(weights, Decimal(0))
    if not weights:
        return []
    if total <= 0:
        return [quantize(amount)] + [Decimal("0.00")] * (len(weights) - 1)
    parts = [quantize(amount * w / total) for w in weights[:-1]]
    return [*parts, quantize(amount) - sum(parts, Decimal(0))]


def price_shipping(plugins: pluggy.PluginManager, line: PricingLine,
                   goods: list[tuple[TaxDecision, Decimal]]) -> list[PricedLine]:
    """A vendor's shipping charge: ``ruta_unit_price`` may change it (``product_kind``
    ``SHIPPING``), then it is split over the tax decisions of the goods it carries, in
    proportion to their net values, and each share takes that decision. Transport charged
    by the seller is part of the taxable amount of the goods (VAT Directive 2006/112/EC
    art. 78(b); LIVA art. 78.Dos.1º; CIVA art. 16.º n.º 5 b)): a book's shipping carries the
    book's rate. ``goods`` is ``[(decision, net value)]`` per line shipped; without goods
    the charge is priced as one ``SHIPPING`` line through ``ruta_tax_decision``."""
    if not goods:
        return [price_line(plugins, line)]
    adjusted = plugins.hook.ruta_unit_price(line=line)
    amount = quantize(Decimal(adjusted)) if adjusted is not None else quantize(line.unit_price)
    groups: dict[tuple[Decimal, str, str | None], tuple[TaxDecision, Decimal]] = {}
    for decision, net in goods:
        key = (decision.rate, decision.treatment, decision.territory)
        first, weight = groups.get(key, (decision, Decimal(0)))
        groups[key] = (first, weight + net)
    decisions = list(groups.values())
    include = line.prices_include_tax
    return [PricedLine(unit=taxed(share, decision.rate, prices_include_tax=include),
                       total=taxed(share, decision.rate, prices_include_tax=include),
                       decision=decision)
            for (decision, _), share in zip(
                decisions, shares(amount, [w for _, w in decisions]), strict=True)]
