"""GraphQL object types of the catalog: Category, Product, ProductVariant, TaxClass."""

from __future__ import annotations

import enum
from collections.abc import Awaitable
from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry

from engine.api.context import Info
from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.api.ids import encode_id
from engine.api.loaded import from_loader
from engine.api.money_types import MoneyType, TaxedMoneyType, money
from engine.api.viewer import can_manage_vendor
from engine.catalog.kinds import available
from engine.catalog.loaders import (
    categories_by_id,
    categories_by_parent,
    translations_by_product,
    variants_by_product,
)
from engine.catalog.models import Product, ProductVariant
from engine.catalog.pricing import PricedLine, PricingLine, price_line
from engine.catalog.pricing_facts import pricing_facts_loader
from engine.vendors.loaders import vendors_by_id
from engine.vendors.types import VendorType


@strawberry.enum(description="What a product is. Plugins may add kinds.")
class ProductKind(enum.StrEnum):
    PHYSICAL = "PHYSICAL"
    DIGITAL = "DIGITAL"
    SERVICE = "SERVICE"
    COURSE = "COURSE"
    EVENT = "EVENT"


@strawberry.type(name="TaxClass", description="A tax class: names what is sold, never a rate.")
class TaxClassType:
    code: str
    name: str
    description: str


@strawberry.type(name="Attribute")
class AttributeType:
    key: str
    value: str


@strawberry.type(name="ProductTranslation")
class ProductTranslationType:
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    name: str
    description: str


@strawberry.type(name="Category")
class CategoryType:
    id: strawberry.ID
    name: str
    slug: str
    position: int
    pk: strawberry.Private[int]
    parent_pk: strawberry.Private[int | None]
    language: strawberry.Private[str | None]

    @classmethod
    def of(cls, row: Any, language: str | None) -> CategoryType:
        category = row[0]
        return cls(id=encode_id("Category", category.id), name=row.t_name, slug=category.slug,
                   position=category.position, pk=category.id, parent_pk=category.parent_id,
                   language=language)

    @strawberry.field
    async def parent(self, info: Info) -> CategoryType | None:
        if self.parent_pk is None:
            return None
        row = await info.context.loader("categories", categories_by_id).load(
            (self.parent_pk, self.language))
        return CategoryType.of(row, self.language) if row else None

    @strawberry.field
    async def children(self, info: Info) -> list[CategoryType]:
        rows = await info.context.loader("category_children", categories_by_parent).load(
            (self.pk, self.language))
        return [CategoryType.of(row, self.language) for row in rows]


async def price_for_place(info: Info, variant: ProductVariant, product: ProductType,
                 country: str | None, postal_code: str | None,
                 unit_price: Decimal | None = None) -> PricedLine | None:
    """The variant priced for a buyer's place (at ``unit_price`` instead of its price:
    a promoted or an earlier price)."""
    row = await info.context.loader("vendors", vendors_by_id).load(
        (product.vendor_pk, product.language))
    if row is None:
        return None
    vendor = row[0]
    facts = await info.context.loader("pricing_facts", pricing_facts_loader).load(vendor.id)
    return price_line(info.context.runtime.plugins, PricingLine(
        unit_price=variant.price if unit_price is None else unit_price, quantity=1,
        prices_include_tax=vendor.prices_include_tax,
        product_kind=product.kind, tax_class=product.tax_class, vendor_id=vendor.id,
        vendor_country=vendor.country, vendor_postal_code=vendor.postal_code,
        buyer_country=country or product.country, buyer_postal_code=postal_code,
        product_id=product.pk, variant_id=variant.id, product_attributes=product.attributes,
        starts_at=variant.starts_at, ends_at=variant.ends_at, vendor_facts=facts))


@strawberry.type(name="ProductVariant")
class ProductVariantType:
    id: strawberry.ID
    sku: str
    name: str
    price: MoneyType
    starts_at: datetime | None
    ends_at: datetime | None
    capacity: int | None
    model: strawberry.Private[ProductVariant]
    product: strawberry.Private[ProductType]

    @classmethod
    def of(cls, variant: ProductVariant, product: ProductType) -> ProductVariantType:
        return cls(id=encode_id("ProductVariant", variant.id), sku=variant.sku,
                   name=variant.name, price=money(variant.price), starts_at=variant.starts_at,
                   ends_at=variant.ends_at, capacity=variant.capacity,
                   model=variant, product=product)

    @strawberry.field(description="Units in stock, or seats left; null when unlimited "
                                  "(downloads, services without slots).")
    def quantity_available(self, info: Info) -> int | None:
        return available(info.context.runtime.plugins, self.model, self.product.kind)

    @strawberry.field(name="product", description="The product this variant belongs to.")
    def parent_product(self) -> ProductType:
        return self.product

    @strawberry.field(description="Units in stock (the vendor's staff and operators only).")
    async def stock(self, info: Info) -> int | None:
        return self.model.stock if await can_manage_vendor(info, self.model.vendor_id) else None

    @strawberry.field(description="Net, tax and gross for a buyer in this location.")
    async def pricing(self, info: Info, country: CountryCode | None = None,  # type: ignore[valid-type]
                      postal_code: str | None = None) -> TaxedMoneyType | None:
        priced = await price_for_place(info, self.model, self.product, country, postal_code)
        return TaxedMoneyType.of(priced.unit) if priced else None


@strawberry.type(name="Product")
class ProductType:
    id: strawberry.ID
    name: str
    slug: str
    description: str
    kind: ProductKind
    tax_class: str
    is_published: bool
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    created_at: datetime
    updated_at: datetime
    pk: strawberry.Private[int]
    vendor_pk: strawberry.Private[int]
    category_pk: strawberry.Private[int | None]
    language: strawberry.Private[str | None]
    country: strawberry.Private[str | None]
    attributes: strawberry.Private[dict[str, Any]]

    @classmethod
    def of_row(cls, row: Any, language: str | None, country: str | None = None) -> ProductType:
        """From a ``product_select`` row (the product and its translated text)."""
        return cls.of(row[0], row.t_name, row.t_description, language, country)

    @classmethod
    def of(cls, product: Product, name: str, description: str, language: str | None,
           country: str | None = None) -> ProductType:
        return cls(id=encode_id("Product", product.id), name=name, slug=product.slug,
                   description=description,
                   # a str, not ProductKind: plugins add kinds the static enum does not list
                   kind=product.kind,  # type: ignore[arg-type]
                   tax_class=product.tax_class,
                   is_published=product.is_published, language_code=product.language_code,
                   created_at=product.created_at, updated_at=product.updated_at, pk=product.id,
                   vendor_pk=product.vendor_id, category_pk=product.category_id,
                   language=language, country=country,
                   attributes=dict(product.attributes or {}))

    # Sync-first (engine.api.loaded): the listing has loaded these before it answers.
    @strawberry.field(graphql_type=VendorType)
    def vendor(self, info: Info) -> VendorType | Awaitable[VendorType]:
        return from_loader(info.context.loader("vendors", vendors_by_id),
                           (self.vendor_pk, self.language),
                           lambda row: VendorType.of_row(row, self.language), shared=True)

    @strawberry.field(graphql_type=CategoryType | None)
    def category(self, info: Info) -> CategoryType | Awaitable[CategoryType | None] | None:
        if self.category_pk is None:
            return None
        return from_loader(info.context.loader("categories", categories_by_id),
                           (self.category_pk, self.language),
                           lambda row: CategoryType.of(row, self.language) if row else None,
                           shared=True)

    @strawberry.field(graphql_type=list[ProductVariantType])
    def variants(self, info: Info
                 ) -> list[ProductVariantType] | Awaitable[list[ProductVariantType]]:
        return from_loader(info.context.loader("variants", variants_by_product), self.pk,
                           lambda rows: [ProductVariantType.of(v, self) for v in rows])

    @strawberry.field(name="attributes", description="Facts plugins read, e.g. delivery.")
    def attribute_list(self) -> list[AttributeType]:
        return [AttributeType(key=k, value=str(v)) for k, v in sorted(self.attributes.items())]

    @strawberry.field(description="Every stored translation (the source text is not one).")
    async def translations(self, info: Info) -> list[ProductTranslationType]:
        rows = await info.context.loader("product_translations", translations_by_product).load(
            self.pk)
        return [ProductTranslationType(language_code=row.language_code, name=row.name,
                                       description=row.description) for row in rows]

    @strawberry.field(description="The cheapest variant's price for a buyer in this location.")
    async def pricing(self, info: Info, country: CountryCode | None = None,  # type: ignore[valid-type]
                      postal_code: str | None = None) -> TaxedMoneyType | None:
        rows = await info.context.loader("variants", variants_by_product).load(self.pk)
        if not rows:
            return None
        cheapest = min(rows, key=lambda v: (v.price, v.id))
        priced = await price_for_place(info, cheapest, self, country, postal_code)
        return TaxedMoneyType.of(priced.unit) if priced else None

