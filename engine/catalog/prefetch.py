"""The product listing loads its nodes' vendors, categories and variants before it
answers (one batch each, only for the fields the document selects), so that
``Product.vendor``, ``Product.category`` and ``Product.variants`` resolve synchronously
(:mod:`engine.api.loaded`). The statements are the loaders' own: the same as before."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any

from engine.api.context import Info
from engine.api.loaded import selected_under
from engine.catalog.loaders import categories_by_id, variants_by_product
from engine.catalog.types import ProductType
from engine.vendors.loaders import vendors_by_id


async def prefetch_nodes(info: Info, products: Sequence[ProductType]) -> None:
    if not products:
        return
    wanted = selected_under(info, "edges", "node")
    loads: list[Awaitable[Any]] = []
    context = info.context
    if "vendor" in wanted:
        loads.append(context.loader("vendors", vendors_by_id).load_many(
            {(p.vendor_pk, p.language) for p in products}))
    if "category" in wanted:
        loads.append(context.loader("categories", categories_by_id).load_many(
            {(p.category_pk, p.language) for p in products if p.category_pk is not None}))
    if "variants" in wanted:
        loads.append(context.loader("variants", variants_by_product).load_many(
            {p.pk for p in products}))
    await asyncio.gather(*loads)
