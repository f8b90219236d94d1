"""The ``Vendor`` GraphQL type (its ``products`` field is added by the catalog)."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import strawberry

from engine.api.context import Info
from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.api.ids import encode_id
from engine.api.viewer import can_manage_vendor
from engine.vendors.models import Vendor


@strawberry.enum
class VendorStatus(enum.StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    SUSPENDED = "SUSPENDED"
    REJECTED = "REJECTED"


@strawberry.type(name="Vendor")
class VendorType:
    id: strawberry.ID
    name: str
    slug: str
    status: VendorStatus
    country: CountryCode  # type: ignore[valid-type]
    postal_code: str
    region: str | None
    description: str
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    prices_include_tax: bool
    model: strawberry.Private[Vendor]
    language: strawberry.Private[str | None]

    @classmethod
    def of_row(cls, row: Any, language: str | None) -> VendorType:
        """From a ``vendor_select`` row (the vendor and its translated description)."""
        return cls.of(row[0], row.t_description, language)

    @classmethod
    def of(cls, vendor: Vendor, description: str, language: str | None) -> VendorType:
        return cls(id=encode_id("Vendor", vendor.id), name=vendor.name, slug=vendor.slug,
                   status=VendorStatus(vendor.status), country=vendor.country,
                   postal_code=vendor.postal_code,
                   region=vendor.region, description=description,
                   language_code=vendor.language_code,
                   prices_include_tax=vendor.prices_include_tax, model=vendor, language=language)

    @strawberry.field(description="The vendor's tax id (its staff and operators only).")
    async def tax_id(self, info: Info) -> str | None:
        return self.model.tax_id if await can_manage_vendor(info, self.model.id) else None

    @strawberry.field(description="Platform commission, e.g. \"0.1000\" (staff and operators).")
    async def commission_rate(self, info: Info) -> Decimal | None:
        if await can_manage_vendor(info, self.model.id):
            return self.model.commission_rate
        return None

    @strawberry.field(description="Why an operator rejected the application (its staff and "
                                  "operators only; null unless REJECTED).")
    async def rejection_reason(self, info: Info) -> str | None:
        if self.model.status != "REJECTED" or not await can_manage_vendor(info, self.model.id):
            return None
        return self.model.rejection_reason
