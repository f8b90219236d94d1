"""Variant and stock operations for vendor staff.

A variant is bookable when it has ``starts_at``: it then needs ``ends_at`` after it and a
``capacity`` (seats), and only bookable kinds (SERVICE, COURSE, EVENT, or a plugin's) may
have bookable variants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.catalog.kinds import product_kinds
from engine.catalog.models import Product, ProductVariant
from engine.catalog.service import owned_product
from engine.errors import Collector, NotFound, PermissionDenied
from engine.events.outbox import record
from engine.input_rules import clean_text
from engine.money import MAX_PRICE, has_cent_precision, quantize
from engine.runtime import Runtime
from engine.vendors.access import require_user, require_vendor_staff

MAX_STOCK = 1_000_000
MAX_CAPACITY = 100_000
SKU_MAX = 64


@dataclass
class VariantData:
    """Variant fields as given; ``None`` means 'leave unchanged' on update."""

    sku: str | None = None
    name: str | None = None
    price: Decimal | None = None
    stock: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    capacity: int | None = None


def check_stock(errors: Collector, field: str, value: int) -> None:
    if value < 0:
        errors.add(field, "INVALID", "Stock cannot be negative.")
    elif value > MAX_STOCK:
        errors.add(field, "INVALID", f"Stock cannot exceed {MAX_STOCK}.")


def _clean(data: VariantData, current: ProductVariant | None, bookable_kind: bool
           ) -> dict[str, Any]:
    errors = Collector()
    out: dict[str, Any] = {}
    creating = current is None
    if creating or data.sku is not None:
        sku = clean_text(errors, "sku", data.sku, max_length=SKU_MAX)
        out["sku"] = sku
    if data.name is not None:
        out["name"] = clean_text(errors, "name", data.name, max_length=200, required=False)
    if creating or data.price is not None:
        if data.price is None:
            errors.add("price", "REQUIRED", "A price is required.")
        elif data.price < 0:
            errors.add("price", "INVALID", "The price cannot be negative.")
        elif data.price > MAX_PRICE or not has_cent_precision(data.price):
            errors.add("price", "INVALID", f"Use at most 2 decimals and at most {MAX_PRICE}.")
        else:
            out["price"] = quantize(data.price)
    if data.stock is not None:
        check_stock(errors, "stock", data.stock)
        out["stock"] = data.stock
    for name in ("starts_at", "ends_at", "capacity"):
        if getattr(data, name) is not None:
            out[name] = getattr(data, name)
    starts = out.get("starts_at", current.starts_at if current else None)
    ends = out.get("ends_at", current.ends_at if current else None)
    capacity = out.get("capacity", current.capacity if current else None)
    if starts is not None or ends is not None or capacity is not None:
        if not bookable_kind:
            errors.add("startsAt", "NOT_BOOKABLE", "This product kind has no bookable variants.")
        elif starts is None or ends is None:
            errors.add("startsAt" if starts is None else "endsAt", "REQUIRED",
                       "A bookable variant needs startsAt and endsAt.")
        elif ends <= starts:
            errors.add("endsAt", "INVALID", "endsAt must be after startsAt.")
        if bookable_kind and (capacity is None or not 0 < capacity <= MAX_CAPACITY):
            errors.add("capacity", "INVALID", f"Capacity must be between 1 and {MAX_CAPACITY}.")
    errors.raise_if_any()
    return out


async def _check_sku(session: AsyncSession, vendor_id: int, sku: str, exclude: int | None) -> None:
    query = select(ProductVariant.id).where(ProductVariant.vendor_id == vendor_id,
                                            ProductVariant.sku == sku)
    if exclude is not None:
        query = query.where(ProductVariant.id != exclude)
    if await session.scalar(query) is not None:
        errors = Collector()
        errors.add("sku", "UNIQUE", "Another of your variants uses this SKU.")
        errors.raise_if_any()


async def owned_variant(session: AsyncSession, user: User | None, variant_id: int
                        ) -> tuple[ProductVariant, Product]:
    user = require_user(user)
    variant = await session.get(ProductVariant, variant_id, with_for_update=True)
    if not user.is_operator:
        membership = await require_vendor_staff(session, user)
        if variant is not None and variant.vendor_id != membership.vendor_id:
            raise PermissionDenied("You can only manage your own vendor's variants.")
    if variant is None:
        raise NotFound("id", "Variant not found.")
    product = await session.get(Product, variant.product_id)
    assert product is not None
    return variant, product


def _bookable(runtime: Runtime, kind: str) -> bool:
    spec = product_kinds(runtime.plugins).get(kind)
    return bool(spec and spec.bookable)


async def create_variant(runtime: Runtime, user: User | None, product_id: int,
                         data: VariantData) -> ProductVariant:
    async with runtime.transaction() as session:
        product = await owned_product(session, user, product_id, lock=True)
        return await insert_variant(runtime, session, product, data)


async def insert_variant(runtime: Runtime, session: AsyncSession, product: Product,
                         data: VariantData) -> ProductVariant:
    """Validate and add a variant of ``product`` in the caller's transaction."""
    values = _clean(data, None, _bookable(runtime, product.kind))
    runtime.plugins.hook.ruta_variant_validate(
        data=dict(values), product_kind=product.kind, variant_id=None)
    await _check_sku(session, product.vendor_id, values["sku"], None)
    variant = ProductVariant(product_id=product.id, vendor_id=product.vendor_id, **values)
    session.add(variant)
    await session.flush()
    await record(session, runtime.plugins, "ruta_product_updated", product_id=product.id,
                 vendor_id=product.vendor_id)
    return variant


async def update_variant(runtime: Runtime, user: User | None, variant_id: int,
                         data: VariantData) -> ProductVariant:
    async with runtime.transaction() as session:
        variant, product = await owned_variant(session, user, variant_id)
        values = _clean(data, variant, _bookable(runtime, product.kind))
        runtime.plugins.hook.ruta_variant_validate(
            data=dict(values), product_kind=product.kind, variant_id=variant.id)
        if "sku" in values:
            await _check_sku(session, variant.vendor_id, values["sku"], variant.id)
        for key, value in values.items():
            setattr(variant, key, value)
        await record(session, runtime.plugins, "ruta_product_updated", product_id=product.id,
                     vendor_id=product.vendor_id)
    return variant


async def set_stock(runtime: Runtime, user: User | None, variant_id: int, quantity: int
                    ) -> ProductVariant:
    errors = Collector()
    check_stock(errors, "quantity", quantity)
    errors.raise_if_any()
    async with runtime.transaction() as session:
        variant, product = await owned_variant(session, user, variant_id)
        variant.stock = quantity
        await record(session, runtime.plugins, "ruta_product_updated", product_id=product.id,
                     vendor_id=product.vendor_id)
    return variant
