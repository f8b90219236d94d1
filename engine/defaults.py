"""The core's own plugin: defaults that any other plugin overrides.

Registered first (``DEFAULT_PLUGINS``), with ``trylast`` where another plugin's answer must
win: the default tax decision charges no tax; the core product kinds and tax class; the
catalog's ``Vendor.products`` field.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.catalog.pricing import NO_TAX, PricingLine, TaxDecision
from engine.catalog.vendor_fields import vendor_fields
from engine.hookimpl import hookimpl
from engine.plugin_contributions import ProductKindSpec, TaxClassSpec

CORE_KINDS = (
    ProductKindSpec("PHYSICAL", "Goods that are shipped", shippable=True),
    ProductKindSpec("DIGITAL", "Downloadable goods"),
    ProductKindSpec("SERVICE", "Services, optionally booked in slots", bookable=True),
    ProductKindSpec("COURSE", "Courses", bookable=True),
    ProductKindSpec("EVENT", "Events with sessions and seats", bookable=True),
)


@hookimpl(trylast=True)
def ruta_tax_decision(line: PricingLine) -> TaxDecision:
    return NO_TAX


@hookimpl
def ruta_product_kinds() -> tuple[ProductKindSpec, ...]:
    return CORE_KINDS


@hookimpl
def ruta_tax_classes() -> list[TaxClassSpec]:
    return [TaxClassSpec("STANDARD", "Standard", "Anything without a more specific class")]


@hookimpl
def ruta_graphql_type_fields(type_name: str) -> Sequence[object]:
    return vendor_fields() if type_name == "Vendor" else ()
