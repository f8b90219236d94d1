"""``productFacets(filter)``: counts per category, kind and vendor of a filtered listing."""

from __future__ import annotations

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.enums import LanguageCodeEnum
from engine.catalog.listing import ProductFilter, filtered, visible
from engine.catalog.loaders import categories_by_id
from engine.catalog.models import Product
from engine.catalog.queries import viewer_scope
from engine.catalog.types import CategoryType, ProductKind
from engine.search.facets import facet_counts
from engine.search.inputs import ProductFilterInput
from engine.search.match import hits
from engine.vendors.loaders import vendors_by_id
from engine.vendors.types import VendorType


@strawberry.type
class CategoryFacet:
    category: CategoryType
    count: int


@strawberry.type
class KindFacet:
    kind: ProductKind
    count: int


@strawberry.type
class VendorFacet:
    vendor: VendorType
    count: int


@strawberry.type(description="How many products of a listing fall in each category, kind "
                             "and vendor (each count is what the listing returns with that "
                             "value added to its filter: a category counts its subcategories' "
                             "products too).")
class ProductFacets:
    categories: list[CategoryFacet]
    kinds: list[KindFacet]
    vendors: list[VendorFacet]


@strawberry.type
class SearchQuery:
    @strawberry.field(description="Facet counts for the products a filter selects.")
    async def product_facets(
        self, info: Info, filter: ProductFilterInput | None = None,
        language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
    ) -> ProductFacets:
        flt = filter.to_filter() if filter else ProductFilter()
        runtime = info.context.runtime
        found = hits(runtime.db.engine.dialect.name, flt.search) if flt.search else None
        ids = filtered(visible(select(Product.id), await viewer_scope(info)), flt, found)
        async with runtime.db.read() as session:
            counts = await facet_counts(session, ids)
        categories = await info.context.loader("categories", categories_by_id).load_many(
            [(pk, language_code) for pk, _ in counts.categories])
        vendors = await info.context.loader("vendors", vendors_by_id).load_many(
            [(pk, language_code) for pk, _ in counts.vendors])
        return ProductFacets(
            categories=[CategoryFacet(category=CategoryType.of(row, language_code), count=n)
                        for row, (_, n) in zip(categories, counts.categories, strict=True)
                        if row is not None],
            kinds=[KindFacet(kind=kind, count=n)  # type: ignore[arg-type]
                   for kind, n in counts.kinds],
            vendors=[VendorFacet(vendor=VendorType.of_row(row, language_code), count=n)
                     for row, (_, n) in zip(vendors, counts.vendors, strict=True)
                     if row is not None])
