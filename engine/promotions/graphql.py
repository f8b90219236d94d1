"""Promotions in the API: ``promotionCreate/Update/Delete`` (vendor staff) and
``Vendor.promotions`` (its staff and operators)."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.api.money_types import MoneyType, money
from engine.api.viewer import can_manage_vendor
from engine.errors import PermissionDenied, ValidationError
from engine.promotions import service
from engine.promotions.models import Promotion
from engine.vendors.types import VendorType

PromotionErrorCode = strawberry.enum(error_code_enum("PromotionErrorCode"),
                                     description="Why a promotion mutation was refused.")


@strawberry.enum
class PromotionKind(enum.StrEnum):
    PERCENTAGE = "PERCENTAGE"
    FIXED = "FIXED"


@strawberry.type(name="Promotion")
class PromotionType:
    id: strawberry.ID
    name: str
    kind: PromotionKind
    value: Decimal = strawberry.field(description="Percent (10.00 = 10 %) or euros per unit.")
    product_ids: list[strawberry.ID]
    category_ids: list[strawberry.ID]
    starts_at: datetime
    ends_at: datetime | None
    min_subtotal: MoneyType | None
    is_active: bool

    @classmethod
    def of(cls, p: Promotion) -> PromotionType:
        return cls(id=encode_id("Promotion", p.id), name=p.name,
                   kind=PromotionKind(p.kind), value=p.value,
                   product_ids=[strawberry.ID(encode_id("Product", i)) for i in p.product_ids],
                   category_ids=[strawberry.ID(encode_id("Category", i))
                                 for i in p.category_ids],
                   starts_at=p.starts_at, ends_at=p.ends_at,
                   min_subtotal=money(p.min_subtotal) if p.min_subtotal is not None else None,
                   is_active=p.is_active)


@strawberry.type
class PromotionError:
    field: str | None
    code: PromotionErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.type
class PromotionPayload:
    promotion: PromotionType | None = None
    errors: list[PromotionError] = strawberry.field(default_factory=list)


@strawberry.input
class PromotionInput:
    name: str | None = None
    kind: PromotionKind | None = None
    value: Decimal | None = None
    product_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Only these products (with categoryIds: either).")
    category_ids: list[strawberry.ID] | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    min_subtotal: Decimal | None = None
    is_active: bool | None = None

    def to_data(self) -> service.PromotionData:
        products = [decode_id(i, "Product", field="productIds") for i in self.product_ids] \
            if self.product_ids is not None else None
        categories = [decode_id(i, "Category", field="categoryIds") for i in self.category_ids] \
            if self.category_ids is not None else None
        return service.PromotionData(
            name=self.name, kind=str(self.kind) if self.kind else None, value=self.value,
            product_ids=products, category_ids=categories, starts_at=self.starts_at,
            ends_at=self.ends_at, min_subtotal=self.min_subtotal, is_active=self.is_active)


def _payload(promotion: Promotion | None, exc: ValidationError | None) -> PromotionPayload:
    if promotion is None:
        errors = payload_errors(exc, PromotionError, PromotionErrorCode) if exc else []
        return PromotionPayload(errors=errors)
    return PromotionPayload(promotion=PromotionType.of(promotion))


async def vendor_promotions(root: VendorType, info: Info) -> list[PromotionType]:
    """This vendor's promotions, past and future included (its staff and operators)."""
    if not await can_manage_vendor(info, root.model.id):
        raise PermissionDenied("Only the vendor's staff see its promotions.")
    async with info.context.runtime.db.read() as session:
        rows = await session.scalars(select(Promotion).where(
            Promotion.vendor_id == root.model.id).order_by(Promotion.id))
        return [PromotionType.of(row) for row in rows]


@strawberry.type
class PromotionMutation:
    @strawberry.mutation(description="Start a promotion on your products (vendor staff).")
    async def promotion_create(self, info: Info, input: PromotionInput) -> PromotionPayload:
        user = await info.context.user()
        found, exc = await attempt(lambda: service.create(info.context.runtime, user,
                                                          input.to_data()))
        return _payload(found, exc)

    @strawberry.mutation(description="Change one of your promotions; omitted fields stay.")
    async def promotion_update(self, info: Info, id: strawberry.ID, input: PromotionInput
                               ) -> PromotionPayload:
        user = await info.context.user()
        found, exc = await attempt(lambda: service.update(
            info.context.runtime, user, decode_id(id, "Promotion"), input.to_data()))
        return _payload(found, exc)

    @strawberry.mutation(description="Delete one of your promotions.")
    async def promotion_delete(self, info: Info, id: strawberry.ID) -> PromotionPayload:
        user = await info.context.user()
        found, exc = await attempt(lambda: service.delete(
            info.context.runtime, user, decode_id(id, "Promotion")))
        return _payload(found, exc)
