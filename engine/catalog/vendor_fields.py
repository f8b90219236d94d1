"""``Vendor.products``: the catalog adds it to the Vendor type through the same hook
(``ruta_graphql_type_fields``) that plugins use, so vendors need not know the catalog.

Every vendor's page comes from one batched statement (``vendor_pages``)."""

from __future__ import annotations

from dataclasses import replace

import strawberry

from engine.api.context import Info
from engine.api.pagination import Connection, PageArgs, check_page_args, connection
from engine.api.viewer import can_manage_vendor
from engine.cache.documents import METADATA_KEY
from engine.cache.versions import CATALOG
from engine.catalog.listing import ProductFilter, Scope
from engine.catalog.types import ProductType
from engine.catalog.vendor_pages import vendor_product_counts, vendor_product_pages
from engine.search.inputs import ProductFilterInput
from engine.vendors.types import VendorType


async def products(
    root: VendorType, info: Info, first: int | None = None, after: str | None = None,
    last: int | None = None, before: str | None = None, filter: ProductFilterInput | None = None,
) -> Connection[ProductType]:
    """The vendor's products: published ones, or all of them for its staff."""
    flt = filter.to_filter() if filter else ProductFilter()
    flt = replace(flt, vendor_id=None, vendor_ids=())
    vendor_id = root.model.id
    mine = await can_manage_vendor(info, vendor_id)
    scope = Scope(vendor_id=vendor_id, only_vendor=True) if mine else Scope()
    language = root.language
    args = PageArgs(first, after, last, before)
    check_page_args(args)
    page = await info.context.loader("vendor_product_pages", vendor_product_pages).load(
        (vendor_id, args, flt, scope, language))

    async def count() -> int:
        return await info.context.loader("vendor_product_counts", vendor_product_counts).load(
            (vendor_id, flt, scope))

    return connection(page, lambda row: ProductType.of_row(row, language),
                      lambda row: int(row[0].id), count)


def vendor_fields() -> list[object]:
    return [strawberry.field(resolver=products, description=products.__doc__,
                             metadata={METADATA_KEY: CATALOG})]  # cacheable: catalog rows
