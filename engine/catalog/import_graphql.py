"""GraphQL for ``productImport``: many products (one variant each) in one transaction."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from engine.api.context import Info
from engine.api.errors import attempt
from engine.api.ids import decode_id
from engine.catalog.imports import ImportRefused, ImportRow, import_products
from engine.catalog.models import Product
from engine.catalog.mutations import ProductError, ProductErrorCode
from engine.catalog.service import ProductData
from engine.catalog.types import ProductKind, ProductType
from engine.catalog.variants import VariantData


@strawberry.input(description="One product with one variant, as a CSV row gives it.")
class ProductImportRowInput:
    name: str
    kind: ProductKind  # type: ignore[valid-type]
    sku: str
    price: Decimal
    description: str | None = None
    tax_class: str | None = None
    category_id: strawberry.ID | None = None
    variant_name: str | None = None
    stock: int = 0
    is_published: bool = False


@strawberry.type(description="A refused row of an import (rows count from 1).")
class ProductImportRowError:
    row: int
    field: str | None
    code: ProductErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.type
class ProductImportPayload:
    products: list[ProductType] = strawberry.field(default_factory=list)
    row_errors: list[ProductImportRowError] = strawberry.field(default_factory=list)
    errors: list[ProductError] = strawberry.field(default_factory=list)


def _row(inp: ProductImportRowInput) -> ImportRow:
    category = decode_id(inp.category_id, "Category") if inp.category_id else None
    return ImportRow(
        product=ProductData(name=inp.name, description=inp.description, kind=str(inp.kind),
                            tax_class=inp.tax_class, category_id=category,
                            is_published=inp.is_published),
        variant=VariantData(sku=inp.sku, name=inp.variant_name, price=inp.price,
                            stock=inp.stock))


def _code(code: str) -> object:
    members = ProductErrorCode.__members__  # type: ignore[attr-defined]
    return members[code] if code in members else members["INVALID"]


def _product(product: Product) -> ProductType:
    return ProductType.of(product, product.name, product.description, None)


@strawberry.type
class ProductImportMutation:
    @strawberry.mutation(description="Create many products, one variant each, for your vendor: "
                                     "all rows or none; each refused row is named in rowErrors.")
    async def product_import(self, info: Info, rows: list[ProductImportRowInput]
                             ) -> ProductImportPayload:
        user = await info.context.user()
        try:
            created, exc = await attempt(lambda: import_products(
                info.context.runtime, user, [_row(row) for row in rows]))
        except ImportRefused as refused:
            return ProductImportPayload(row_errors=[
                ProductImportRowError(row=e.row, field=e.error.field,
                                      code=_code(e.error.code),
                                      message=e.error.message) for e in refused.errors])
        if exc is not None:
            return ProductImportPayload(errors=[
                ProductError(field=e.field, code=_code(e.code), message=e.message)
                for e in exc.errors])
        return ProductImportPayload(products=[_product(p) for p in created or []])
