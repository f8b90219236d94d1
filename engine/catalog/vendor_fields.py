"""``Vendor.products``: the catalog adds it to the Vendor type through the same hook
(``ruta_graphql_type_fields``) that plugins use, so vendors need not know the catalog."""

from __future__ import annotations

from dataclasses import replace

import strawberry

from engine.api.context import Info
from engine.api.pagination import Connection, PageArgs
from engine.api.viewer import can_manage_vendor
from engine.catalog.listing import ProductFilter, Scope
from engine.catalog.queries import list_products
from engine.catalog.types import ProductType
from engine.search.inputs import ProductFilterInput
from engine.vendors.types import VendorType


async def products(
    root: VendorType, info: Info, first: int | None = None, after: str | None = None,
    last: int | None = None, before: str | None = None, filter: ProductFilterInput | None = None,
) -> Connection[ProductType]:
    """The vendor's products: published ones, or all of them for its staff."""
    flt = filter.to_filter() if filter else ProductFilter()
    flt = replace(flt, vendor_id=root.model.id, vendor_ids=())
    mine = await can_manage_vendor(info, root.model.id)
    scope = Scope(vendor_id=root.model.id, only_vendor=True) if mine else Scope()
    return await list_products(info, PageArgs(first, after, last, before), flt, scope,
                               root.language, None)


def vendor_fields() -> list[object]:
    return [strawberry.field(resolver=products, description=products.__doc__)]
