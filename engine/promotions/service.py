"""Vendor staff manage their promotions: create, update, delete, list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.catalog.models import Product
from engine.db.types import utcnow
from engine.errors import Collector, NotFound, PermissionDenied
from engine.input_rules import clean_text
from engine.money import MAX_PRICE, has_cent_precision
from engine.promotions.models import Promotion
from engine.runtime import Runtime
from engine.vendors.access import require_vendor_staff
from engine.vendors.models import Vendor

KINDS = ("PERCENTAGE", "FIXED")


@dataclass
class PromotionData:
    name: str | None = None
    kind: str | None = None
    value: Decimal | None = None
    product_ids: list[int] | None = None
    category_ids: list[int] | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    min_subtotal: Decimal | None = None
    is_active: bool | None = None


def _amount(errors: Collector, field: str, value: Decimal) -> None:
    if value <= 0 or value > MAX_PRICE or not has_cent_precision(value):
        errors.add(field, "INVALID", f"An amount above 0 and up to {MAX_PRICE} with 2 decimals.")


def _clean(data: PromotionData, current: Promotion | None) -> dict[str, Any]:
    errors = Collector()
    out: dict[str, Any] = {}
    if current is None or data.name is not None:
        out["name"] = clean_text(errors, "name", data.name, max_length=120)
    kind = data.kind if data.kind is not None else (current.kind if current else None)
    if kind not in KINDS:
        errors.add("kind", "INVALID", "A promotion is a PERCENTAGE or a FIXED reduction.")
    out["kind"] = kind
    value = data.value if data.value is not None else (current.value if current else None)
    if value is None:
        errors.add("value", "REQUIRED", "A reduction is required.")
    else:
        _amount(errors, "value", value)
        if kind == "PERCENTAGE" and value >= 100:
            errors.add("value", "INVALID", "A percentage is below 100.")
        out["value"] = value
    for key in ("product_ids", "category_ids", "is_active"):
        if getattr(data, key) is not None:
            out[key] = getattr(data, key)
    starts = data.starts_at or (current.starts_at if current else None)
    ends = data.ends_at if data.ends_at is not None else (current.ends_at if current else None)
    if starts is None:
        errors.add("startsAt", "REQUIRED", "A start date is required.")
    elif ends is not None and ends <= starts:
        errors.add("endsAt", "INVALID", "A promotion ends after it starts.")
    out["starts_at"], out["ends_at"] = starts, ends
    if data.min_subtotal is not None:
        _amount(errors, "minSubtotal", data.min_subtotal)
        out["min_subtotal"] = data.min_subtotal
    errors.raise_if_any()
    return out


async def _check_products(session: Any, vendor_id: int, product_ids: list[int]) -> None:
    if not product_ids:
        return
    own = set(await session.scalars(select(Product.id).where(
        Product.id.in_(product_ids), Product.vendor_id == vendor_id)))
    if own != set(product_ids):
        raise NotFound("productIds", "Not one of your products.")


async def _flag(session: Any, vendor_id: int) -> None:
    """Keep ``Vendor.has_promotions``: any active promotion that has not ended."""
    await session.flush()
    running = await session.scalar(select(Promotion.id).where(
        Promotion.vendor_id == vendor_id, Promotion.is_active,
        or_(Promotion.ends_at.is_(None), Promotion.ends_at > utcnow())).limit(1))
    await session.execute(sql_update(Vendor).where(Vendor.id == vendor_id)
                          .values(has_promotions=running is not None))


async def create(runtime: Runtime, user: User | None, data: PromotionData) -> Promotion:
    values = _clean(data, None)
    async with runtime.transaction() as session:
        membership = await require_vendor_staff(session, user)
        await _check_products(session, membership.vendor_id, values.get("product_ids") or [])
        promotion = Promotion(vendor_id=membership.vendor_id, **{
            "product_ids": [], "category_ids": [], "is_active": True, **values})
        session.add(promotion)
        await _flag(session, membership.vendor_id)
    return promotion


async def _own(session: AsyncSession, user: User | None, promotion_id: int) -> Promotion:
    membership = await require_vendor_staff(session, user)
    promotion = await session.get(Promotion, promotion_id, with_for_update=True)
    if promotion is None:
        raise NotFound("id", "Promotion not found.")
    if promotion.vendor_id != membership.vendor_id:
        raise PermissionDenied("You can only manage your own promotions.")
    return promotion


async def update(runtime: Runtime, user: User | None, promotion_id: int, data: PromotionData
                 ) -> Promotion:
    async with runtime.transaction() as session:
        promotion = await _own(session, user, promotion_id)
        values = _clean(data, promotion)
        await _check_products(session, promotion.vendor_id, values.get("product_ids") or [])
        for key, value in values.items():
            setattr(promotion, key, value)
        await _flag(session, promotion.vendor_id)
    return promotion


async def delete(runtime: Runtime, user: User | None, promotion_id: int) -> Promotion:
    async with runtime.transaction() as session:
        promotion = await _own(session, user, promotion_id)
        await session.delete(promotion)
        await _flag(session, promotion.vendor_id)
    return promotion
