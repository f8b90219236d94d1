"""Product kinds and tax classes, as published by plugins (the core's included)."""

from __future__ import annotations

from functools import lru_cache

import pluggy

from engine.catalog.models import ProductVariant
from engine.plugins.contributions import ProductKindSpec, TaxClassSpec


@lru_cache(maxsize=32)
def product_kinds(plugins: pluggy.PluginManager) -> dict[str, ProductKindSpec]:
    """Every kind, by code (the core's and plugins'; cached per plugin manager)."""
    kinds: dict[str, ProductKindSpec] = {}
    for contributed in reversed(plugins.hook.ruta_product_kinds()):
        for spec in contributed or ():
            kinds.setdefault(spec.code, spec)
    return kinds


def tax_classes(plugins: pluggy.PluginManager) -> dict[str, TaxClassSpec]:
    classes: dict[str, TaxClassSpec] = {}
    for contributed in reversed(plugins.hook.ruta_tax_classes()):
        for spec in contributed or ():
            classes.setdefault(spec.code, spec)
    return classes


def tracks_stock(plugins: pluggy.PluginManager, kind: str) -> bool:
    """Goods that ship are counted; downloads and services are not (slots count seats)."""
    spec = product_kinds(plugins).get(kind)
    return bool(spec and spec.shippable)


def available(plugins: pluggy.PluginManager, variant: ProductVariant, kind: str) -> int | None:
    """Units or seats left to buy; None when there is no limit."""
    if variant.is_bookable:
        return max((variant.capacity or 0) - variant.seats_taken, 0)
    return variant.stock if tracks_stock(plugins, kind) else None
