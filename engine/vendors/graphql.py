"""GraphQL for vendors: ``vendor``, ``vendors``, ``myVendor`` and the
``vendorCreate`` / ``vendorApprove`` / ``vendorReject`` / ``vendorUpdate`` mutations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.errors import PermissionDenied, ValidationError
from engine.vendors import rejection, service
from engine.vendors.loaders import vendor_select
from engine.vendors.models import Vendor
from engine.vendors.types import VendorStatus, VendorType

VendorErrorCode = strawberry.enum(
    error_code_enum("VendorErrorCode", ("ALREADY_VENDOR", "INVALID_STATUS", "INVALID_TAX_ID",
                                        "INVALID_POSTAL_CODE")),
    description="Why a vendor mutation was refused.",
)


@strawberry.type
class VendorError:
    field: str | None
    code: VendorErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.input
class VendorTranslationInput:
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    description: str


@strawberry.input
class VendorCreateInput:
    name: str
    country: CountryCode  # type: ignore[valid-type]
    postal_code: str
    tax_id: str
    prices_include_tax: bool = True
    region: str | None = None
    description: str | None = None
    language_code: LanguageCodeEnum | None = None  # type: ignore[valid-type]
    translations: list[VendorTranslationInput] | None = None


@strawberry.input
class VendorUpdateInput:
    name: str | None = None
    postal_code: str | None = None
    tax_id: str | None = None
    prices_include_tax: bool | None = None
    region: str | None = None
    description: str | None = None
    language_code: LanguageCodeEnum | None = None  # type: ignore[valid-type]
    commission_rate: Decimal | None = strawberry.field(
        default=None, description="Operators only.")
    translations: list[VendorTranslationInput] | None = None


def _data(inp: VendorCreateInput | VendorUpdateInput, country: str | None,
          commission: Decimal | None) -> service.VendorData:
    return service.VendorData(
        name=inp.name, country=country, postal_code=inp.postal_code, region=inp.region,
        tax_id=inp.tax_id, prices_include_tax=inp.prices_include_tax,
        description=inp.description, language_code=inp.language_code,
        commission_rate=commission,
        translations=[(t.language_code, t.description) for t in inp.translations or []])


@strawberry.type
class VendorPayload:
    vendor: VendorType | None = None
    errors: list[VendorError] = strawberry.field(default_factory=list)


def _payload(vendor: Vendor | None, exc: ValidationError | None) -> VendorPayload:
    if vendor is None:
        errors = payload_errors(exc, VendorError, VendorErrorCode) if exc else []
        return VendorPayload(errors=errors)
    return VendorPayload(vendor=VendorType.of(vendor, vendor.description, None))


async def _row(info: Info, vendor_id: int | None, slug: str | None,
               language: str | None) -> Any:
    user = await info.context.user()
    async with info.context.runtime.db.read() as session:
        vendor = await service.get_visible(session, user, vendor_id=vendor_id, slug=slug)
        if vendor is None:
            return None
        return (await session.execute(vendor_select(language).where(Vendor.id == vendor.id))
                ).first()


@strawberry.type
class VendorQuery:
    @strawberry.field(description="One vendor by id or slug (pending ones: staff/operators).")
    async def vendor(self, info: Info, id: strawberry.ID | None = None, slug: str | None = None,
                     language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
                     ) -> VendorType | None:
        if (id is None) == (slug is None):
            raise ValidationError("id", "REQUIRED", "Pass exactly one of id or slug.")
        pk = decode_id(id, "Vendor") if id is not None else None
        row = await _row(info, pk, slug, language_code)
        return VendorType.of_row(row, language_code) if row else None

    @strawberry.field(description="Approved vendors (operators: all, filterable by status).")
    async def vendors(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None, status: VendorStatus | None = None,
        language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
    ) -> Connection[VendorType]:
        user = await info.context.user()
        condition: Any = Vendor.status == "APPROVED"
        if user is not None and user.is_operator:
            condition = Vendor.status == status.value if status else Vendor.id.is_not(None)
        elif status is not None and status != VendorStatus.APPROVED:
            raise PermissionDenied("Only operators list vendors that are not approved.")
        query = vendor_select(language_code).where(condition)
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            page = await fetch_page(session, query, Vendor.id,
                                    PageArgs(first, after, last, before), lambda r: r[0].id)

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(select(Vendor.id).where(condition)))
                           or 0)

        return connection(page, lambda row: VendorType.of_row(row, language_code),
                          lambda row: int(row[0].id), count)

    @strawberry.field(description="The vendor the signed-in user works for.")
    async def my_vendor(self, info: Info,
                        language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
                        ) -> VendorType | None:
        user = await info.context.user()
        async with info.context.runtime.db.read() as session:
            vendor = await service.vendor_of(session, user)
        if vendor is None:
            return None
        row = await _row(info, vendor.id, None, language_code)
        return VendorType.of_row(row, language_code) if row else None


@strawberry.type
class VendorMutation:
    @strawberry.mutation(description="Apply to sell: creates a PENDING vendor you own.")
    async def vendor_create(self, info: Info, input: VendorCreateInput) -> VendorPayload:
        user = await info.context.user()
        vendor, exc = await attempt(lambda: service.apply(
            info.context.runtime, user, _data(input, input.country, None)))
        return _payload(vendor, exc)

    @strawberry.mutation(description="Approve a pending vendor (operators).")
    async def vendor_approve(self, info: Info, id: strawberry.ID) -> VendorPayload:
        user = await info.context.user()
        vendor, exc = await attempt(lambda: service.approve(
            info.context.runtime, user, decode_id(id, "Vendor")))
        return _payload(vendor, exc)

    @strawberry.mutation(description="Reject a pending vendor application with a reason the "
                                     "vendor is told, in its language (operators).")
    async def vendor_reject(self, info: Info, id: strawberry.ID, reason: str) -> VendorPayload:
        user = await info.context.user()
        vendor, exc = await attempt(lambda: rejection.reject(
            info.context.runtime, user, decode_id(id, "Vendor"), reason))
        return _payload(vendor, exc)

    @strawberry.mutation(description="Edit a vendor (its owner; commission: operators).")
    async def vendor_update(self, info: Info, id: strawberry.ID, input: VendorUpdateInput
                            ) -> VendorPayload:
        user = await info.context.user()
        vendor, exc = await attempt(lambda: service.update(
            info.context.runtime, user, decode_id(id, "Vendor"),
            _data(input, None, input.commission_rate)))
        return _payload(vendor, exc)
