"""Vouchers in the API: ``voucherCreate`` (vendor staff: funded by their vendor; operators
with ``platformFunded``: funded by the platform), ``voucherEnd``, ``platformVouchers``
(operators) and ``Vendor.vouchers`` (its staff and operators)."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

import strawberry

from engine.api.context import Info
from engine.api.errors import attempt, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.api.viewer import can_manage_vendor
from engine.errors import PermissionDenied
from engine.promotions import voucher_admin, vouchers
from engine.promotions.graphql import PromotionError, PromotionErrorCode
from engine.promotions.models import Voucher
from engine.vendors.types import VendorType


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

    @strawberry.mutation(description="End a voucher now (its vendor's staff; operators for "
                                     "platform-funded ones).")
    async def voucher_end(self, info: Info, id: strawberry.ID) -> VoucherPayload:
        user = await info.context.user()
        found, exc = await attempt(lambda: voucher_admin.end(
            info.context.runtime, user, decode_id(id, "Voucher")))
        if found is None:
            return VoucherPayload(errors=payload_errors(exc, PromotionError, PromotionErrorCode)
                                  if exc else [])
        return VoucherPayload(voucher=VoucherType.of(found))


@strawberry.type
class VoucherQuery:
    @strawberry.field(description="Platform-funded vouchers, newest first (operators).")
    async def platform_vouchers(self, info: Info) -> list[VoucherType]:
        user = await info.context.user()
        return [VoucherType.of(v) for v in await voucher_admin.platform_vouchers(
            info.context.runtime, user)]


async def vendor_vouchers(root: VendorType, info: Info) -> list[VoucherType]:
    """This vendor's vouchers, newest first (its staff and operators)."""
    if not await can_manage_vendor(info, root.model.id):
        raise PermissionDenied("Only the vendor's staff see its vouchers.")
    return [VoucherType.of(v) for v in await voucher_admin.vendor_vouchers(
        info.context.runtime, root.model.id)]
