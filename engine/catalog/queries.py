"""Catalog queries: ``products`` (filters, search, sortBy), ``product``, ``productVariant``,
``categories``, ``taxClasses``."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.api.ids import decode_id, decode_optional
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.api.viewer import viewer_vendor_id
from engine.cache.counts import cached_count
from engine.catalog.kinds import tax_classes
from engine.catalog.listing import (
    ProductFilter,
    Scope,
    category_select,
    filtered,
    product_select,
    visible,
)
from engine.catalog.models import Category, Product, ProductVariant
from engine.catalog.prefetch import prefetch_nodes
from engine.catalog.types import (
    CategoryType,
    ProductType,
    ProductVariantType,
    TaxClassType,
)
from engine.errors import ValidationError
from engine.search.inputs import ProductFilterInput, ProductOrder
from engine.search.match import hits
from engine.search.sorting import Sort, SortField, encode_offset, fetch_sorted_page, order_by


async def viewer_scope(info: Info) -> Scope:
    user = await info.context.user()
    if user is not None and user.is_operator:
        return Scope(everything=True)
    return Scope(vendor_id=await viewer_vendor_id(info))


async def list_products(info: Info, args: PageArgs, flt: ProductFilter, scope: Scope,
                        language: str | None, country: str | None,
                        sort: Sort | None = None) -> Connection[ProductType]:
    runtime = info.context.runtime
    found = hits(runtime.db.engine.dialect.name, flt.search) if flt.search else None
    if sort is None and found is not None:
        sort = Sort(SortField.RELEVANCE)
    query = filtered(visible(product_select(language), scope), flt, found)
    async with runtime.db.read() as session:
        if sort is None:
            page = await fetch_page(session, query, Product.id, args, lambda row: row[0].id)
            pk_of = lambda row: int(row[0].id)  # noqa: E731
        else:
            order = order_by(sort, found, query.selected_columns.t_name)
            page, start = await fetch_sorted_page(session, query, order, args)
            offsets = {id(row): start + index for index, row in enumerate(page.rows)}
            pk_of = lambda row: offsets[id(row)]  # noqa: E731

    counted = count_of(filtered(visible(select(Product.id), scope), flt, found))

    async def count_now() -> int:
        async with runtime.db.read() as session:
            return int(await session.scalar(counted) or 0)

    async def count() -> int:
        return await cached_count(runtime.db, counted, await info.context.cache_versions(),
                                  count_now)

    build = lambda row: ProductType.of_row(row, language, country)  # noqa: E731
    result = connection(page, build, pk_of, count) if sort is None else \
        connection(page, build, pk_of, count, cursor=encode_offset)
    await prefetch_nodes(info, [edge.node for edge in result.edges])
    return result


@strawberry.type
class CatalogQuery:
    @strawberry.field(description="Products visible to the viewer, newest last.")
    async def products(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        filter: ProductFilterInput | None = None,
        language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
        country: CountryCode | None = None,  # type: ignore[valid-type]
        sort_by: ProductOrder | None = None,
    ) -> Connection[ProductType]:
        flt = filter.to_filter() if filter else ProductFilter()
        return await list_products(info, PageArgs(first, after, last, before), flt,
                                   await viewer_scope(info), language_code, country,
                                   sort_by.to_sort() if sort_by else None)

    @strawberry.field(description="One product by id or slug, if the viewer may see it.")
    async def product(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None,
        language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
        country: CountryCode | None = None,  # type: ignore[valid-type]
    ) -> ProductType | None:
        if (id is None) == (slug is None):
            raise ValidationError("id", "REQUIRED", "Pass exactly one of id or slug.")
        query = visible(product_select(language_code), await viewer_scope(info))
        if id is not None:
            query = query.where(Product.id == decode_id(id, "Product"))
        else:
            query = query.where(Product.slug == slug)
        async with info.context.runtime.db.read() as session:
            row = (await session.execute(query)).first()
        return ProductType.of_row(row, language_code, country) if row else None

    @strawberry.field(description="One variant by id, if the viewer may see its product.")
    async def product_variant(
        self, info: Info, id: strawberry.ID,
        language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
    ) -> ProductVariantType | None:
        pk = decode_id(id, "ProductVariant")
        async with info.context.runtime.db.read() as session:
            variant = await session.get(ProductVariant, pk)
            if variant is None:
                return None
            query = visible(product_select(language_code), await viewer_scope(info))
            row = (await session.execute(query.where(Product.id == variant.product_id))).first()
        if row is None:
            return None
        return ProductVariantType.of(variant, ProductType.of_row(row, language_code))

    @strawberry.field(description="Categories; top-level ones unless parentId is given.")
    async def categories(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        parent_id: strawberry.ID | None = None,
        language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
    ) -> Connection[CategoryType]:
        parent = decode_optional(parent_id, "Category", field="parentId")
        condition: Any = Category.parent_id.is_(None) if parent is None else \
            Category.parent_id == parent
        query = category_select(language_code).where(condition)
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            page = await fetch_page(session, query, Category.id,
                                    PageArgs(first, after, last, before), lambda r: r[0].id)

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(select(Category.id).where(condition)))
                           or 0)

        return connection(page, lambda row: CategoryType.of(row, language_code),
                          lambda row: int(row[0].id), count)

    @strawberry.field(description="Tax classes products may use (published by tax plugins).")
    def tax_classes(self, info: Info) -> list[TaxClassType]:
        return [TaxClassType(code=spec.code, name=spec.name, description=spec.description)
                for spec in tax_classes(info.context.runtime.plugins).values()]
