"""Vouchers in the API: ``voucherCreate`` (vendor staff: funded by their vendor; operators
with ``platformFunded``: funded by the platform)."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

import strawberry

from engine.api.context import Info
from engine.api.errors import attempt, payload_errors
from engine.api.ids import encode_id
from engine.promotions import vouchers
from engine.promotions.graphql import PromotionError, PromotionErrorCode
from engine.promotions.models import Voucher


@strawberry.enum(description="What a voucher takes off.")
class VoucherKind(enum.StrEnum):
    PERCENTAGE = "PERCENTAGE"
    FIXED = "FIXED"
    FREE_SHIPPING = "FREE_SHIPPING"


@strawberry.type(name="Voucher")
class VoucherType:
    id: strawberry.ID
    code: str
    kind: VoucherKind
    value: Decimal = strawberry.field(description="Percent off, euros off the covered lines "
                                                  "together, or 100.00 for free shipping.")
    is_platform_funded: bool = strawberry.field(
        description="Paid by the platform (on every vendor's lines; vendors are paid the "
                    "undiscounted price) rather than by one vendor (on its lines).")
    usage_limit: int | None
    used: int
    per_customer_limit: int | None
    starts_at: datetime
    ends_at: datetime | None
    is_active: bool

    @classmethod
    def of(cls, v: Voucher) -> VoucherType:
        return cls(id=strawberry.ID(encode_id("Voucher", v.id)), code=v.code,
                   kind=VoucherKind(v.kind), value=v.value,
                   is_platform_funded=v.vendor_id is None, usage_limit=v.usage_limit,
                   used=v.used, per_customer_limit=v.per_customer_limit,
                   starts_at=v.starts_at, ends_at=v.ends_at, is_active=v.is_active)


@strawberry.type
class VoucherPayload:
    voucher: VoucherType | None = None
    errors: list[PromotionError] = strawberry.field(default_factory=list)


@strawberry.input
class VoucherInput:
    code: str
    value: Decimal | None = strawberry.field(
        default=None, description="Required for PERCENTAGE and FIXED; omitted for "
                                  "FREE_SHIPPING.")
    starts_at: datetime
    kind: VoucherKind = VoucherKind.PERCENTAGE
    platform_funded: bool = strawberry.field(
        default=False, description="Funded by the platform (operators only).")
    ends_at: datetime | None = None
    usage_limit: int | None = None
    per_customer_limit: int | None = None


@strawberry.type
class VoucherMutation:
    @strawberry.mutation(description="Create a voucher code: funded by your vendor and on "
                                     "your lines (vendor staff), or with platformFunded by "
                                     "the platform and on every line (operators).")
    async def voucher_create(self, info: Info, input: VoucherInput) -> VoucherPayload:
        user = await info.context.user()
        found, exc = await attempt(lambda: vouchers.create(info.context.runtime, user,
                                                           vouchers.VoucherData(
            code=input.code, value=input.value, starts_at=input.starts_at,
            ends_at=input.ends_at, usage_limit=input.usage_limit,
            per_customer_limit=input.per_customer_limit, kind=str(input.kind),
            platform_funded=input.platform_funded)))
        if found is None:
            return VoucherPayload(errors=payload_errors(exc, PromotionError, PromotionErrorCode)
                                  if exc else [])
        return VoucherPayload(voucher=VoucherType.of(found))
