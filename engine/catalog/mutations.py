"""Catalog mutations for vendor staff: products, variants and stock."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from engine.api.context import Info
from engine.api.enums import LanguageCodeEnum
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id
from engine.catalog import service, variants
from engine.catalog.models import Product, ProductVariant
from engine.catalog.types import ProductKind, ProductType, ProductVariantType
from engine.errors import ValidationError

ProductErrorCode = strawberry.enum(
    error_code_enum("ProductErrorCode", ("NOT_BOOKABLE", "FORBIDDEN_FILE_KEY")),
    description="Why a catalog mutation was refused.",
)


@strawberry.type
class ProductError:
    field: str | None
    code: ProductErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.input
class ProductTranslationInput:
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    name: str
    description: str | None = None


@strawberry.input
class AttributeInput:
    key: str
    value: str


@strawberry.input
class ProductCreateInput:
    name: str
    kind: ProductKind
    description: str | None = None
    category_id: strawberry.ID | None = None
    tax_class: str | None = None
    is_published: bool = False
    slug: str | None = None
    language_code: LanguageCodeEnum | None = None  # type: ignore[valid-type]
    translations: list[ProductTranslationInput] | None = None
    attributes: list[AttributeInput] | None = None
    digital_asset: str | None = strawberry.field(
        default=None, description="DIGITAL products: an https URL or a file key under the "
                                  "media root, given to buyers as a signed link.")


@strawberry.input
class ProductUpdateInput:
    name: str | None = None
    kind: ProductKind | None = None
    description: str | None = None
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="A category id; an empty string removes the category.")
    tax_class: str | None = None
    is_published: bool | None = None
    slug: str | None = None
    language_code: LanguageCodeEnum | None = None  # type: ignore[valid-type]
    translations: list[ProductTranslationInput] | None = None
    attributes: list[AttributeInput] | None = None
    digital_asset: str | None = strawberry.field(
        default=None, description="DIGITAL products: an https URL or a file key under the "
                                  "media root, given to buyers as a signed link.")


def _product_data(inp: ProductCreateInput | ProductUpdateInput) -> service.ProductData:
    clear = inp.category_id == ""
    return service.ProductData(
        name=inp.name, description=inp.description,
        kind=inp.kind.value if inp.kind is not None else None,
        category_id=None if clear or inp.category_id is None else decode_id(
            inp.category_id, "Category", field="categoryId"),
        clear_category=clear, tax_class=inp.tax_class, is_published=inp.is_published,
        slug=inp.slug, language_code=inp.language_code, digital_asset=inp.digital_asset,
        attributes={a.key: a.value for a in inp.attributes} if inp.attributes is not None
        else None,
        translations=[service.TranslationData(t.language_code, t.name, t.description)
                      for t in inp.translations or []])


@strawberry.input
class ProductVariantCreateInput:
    product_id: strawberry.ID
    sku: str
    price: Decimal
    name: str | None = None
    stock: int = 0
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    capacity: int | None = None


@strawberry.input
class ProductVariantUpdateInput:
    sku: str | None = None
    price: Decimal | None = None
    name: str | None = None
    stock: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    capacity: int | None = None


def _variant_data(inp: ProductVariantCreateInput | ProductVariantUpdateInput
                  ) -> variants.VariantData:
    for name in ("starts_at", "ends_at"):
        value = getattr(inp, name)
        if value is not None and value.tzinfo is None:
            field = "startsAt" if name == "starts_at" else "endsAt"
            raise ValidationError(field, "INVALID", "Include a time zone offset, e.g. Z.")
    return variants.VariantData(sku=inp.sku, name=inp.name, price=inp.price, stock=inp.stock,
                                starts_at=inp.starts_at, ends_at=inp.ends_at,
                                capacity=inp.capacity)


@strawberry.type
class ProductPayload:
    product: ProductType | None = None
    errors: list[ProductError] = strawberry.field(default_factory=list)


@strawberry.type
class ProductVariantPayload:
    variant: ProductVariantType | None = None
    errors: list[ProductError] = strawberry.field(default_factory=list)


def _errors(exc: ValidationError | None) -> list[ProductError]:
    return payload_errors(exc, ProductError, ProductErrorCode) if exc else []


def _product(product: Product) -> ProductType:
    return ProductType.of(product, product.name, product.description, None)


def _product_payload(product: Product | None, exc: ValidationError | None) -> ProductPayload:
    return ProductPayload(product=_product(product) if product else None, errors=_errors(exc))


async def _variant_payload(info: Info, variant: ProductVariant | None,
                           exc: ValidationError | None) -> ProductVariantPayload:
    if variant is None:
        return ProductVariantPayload(errors=_errors(exc))
    async with info.context.runtime.db.read() as session:
        product = await session.get(Product, variant.product_id)
    assert product is not None
    return ProductVariantPayload(variant=ProductVariantType.of(variant, _product(product)))


@strawberry.type
class CatalogMutation:
    @strawberry.mutation(description="Create a product for your vendor (vendor staff).")
    async def product_create(self, info: Info, input: ProductCreateInput) -> ProductPayload:
        user = await info.context.user()
        product, exc = await attempt(lambda: service.create_product(
            info.context.runtime, user, _product_data(input)))
        return _product_payload(product, exc)

    @strawberry.mutation(description="Edit one of your products; omitted fields stay.")
    async def product_update(self, info: Info, id: strawberry.ID, input: ProductUpdateInput
                             ) -> ProductPayload:
        user = await info.context.user()
        product, exc = await attempt(lambda: service.update_product(
            info.context.runtime, user, decode_id(id, "Product"), _product_data(input)))
        return _product_payload(product, exc)

    @strawberry.mutation(description="Delete one of your products and its variants.")
    async def product_delete(self, info: Info, id: strawberry.ID) -> ProductPayload:
        user = await info.context.user()
        product, exc = await attempt(lambda: service.delete_product(
            info.context.runtime, user, decode_id(id, "Product")))
        return _product_payload(product, exc)

    @strawberry.mutation(description="Add a variant (SKU, price, stock or a bookable slot).")
    async def product_variant_create(self, info: Info, input: ProductVariantCreateInput
                                     ) -> ProductVariantPayload:
        user = await info.context.user()
        variant, exc = await attempt(lambda: variants.create_variant(
            info.context.runtime, user, decode_id(input.product_id, "Product", field="productId"),
            _variant_data(input)))
        return await _variant_payload(info, variant, exc)

    @strawberry.mutation(description="Edit a variant; omitted fields stay.")
    async def product_variant_update(self, info: Info, id: strawberry.ID,
                                     input: ProductVariantUpdateInput) -> ProductVariantPayload:
        user = await info.context.user()
        variant, exc = await attempt(lambda: variants.update_variant(
            info.context.runtime, user, decode_id(id, "ProductVariant"), _variant_data(input)))
        return await _variant_payload(info, variant, exc)

    @strawberry.mutation(description="Set the stock of a variant (absolute quantity).")
    async def stock_update(self, info: Info, variant_id: strawberry.ID, quantity: int
                           ) -> ProductVariantPayload:
        user = await info.context.user()
        variant, exc = await attempt(lambda: variants.set_stock(
            info.context.runtime, user, decode_id(variant_id, "ProductVariant", field="variantId"),
            quantity))
        return await _variant_payload(info, variant, exc)
