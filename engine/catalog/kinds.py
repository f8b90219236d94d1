"""Product kinds and tax classes, as published by plugins (the core's included)."""

from __future__ import annotations

import pluggy

from engine.plugin_contributions import ProductKindSpec, TaxClassSpec


def product_kinds(plugins: pluggy.PluginManager) -> dict[str, ProductKindSpec]:
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
