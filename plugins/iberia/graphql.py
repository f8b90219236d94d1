"""GraphQL: ``iberiaVendorTaxProfileUpdate`` and ``Vendor.taxProfile``."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from engine.plugins.api import (
    Info,
    NotAuthenticated,
    PermissionDenied,
    VendorType,
    attempt,
    can_manage_vendor,
    decode_id,
    error_code_enum,
    payload_errors,
)
from plugins.iberia.models import VendorTaxProfile
from plugins.iberia.profiles import ProfileInput, get_profile, update_profile

IberiaErrorCode = strawberry.enum(
    error_code_enum("IberiaErrorCode", ("OSS_REGISTRATION_REQUIRED", "INVALID_VAT_ID")),
    description="Why the iberia plugin refused input.")


@strawberry.type(name="IberiaError")
class IberiaError:
    field: str | None
    code: IberiaErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.type(name="VendorTaxProfile", description="A vendor's VAT position (iberia).")
class VendorTaxProfileType:
    oss_registered: bool
    oss_opt_in: bool = strawberry.field(description="Tax every intra-EU B2C sale at "
                                                    "destination (VAT Directive art. 59c(3)).")
    exemption_evidence: str | None
    exemption_valid_from: date | None
    exemption_valid_until: date | None

    @classmethod
    def of(cls, row: VendorTaxProfile) -> VendorTaxProfileType:
        return cls(oss_registered=row.oss_registered, oss_opt_in=row.oss_opt_in,
                   exemption_evidence=row.exemption_evidence,
                   exemption_valid_from=row.exemption_valid_from,
                   exemption_valid_until=row.exemption_valid_until)


@strawberry.input(name="IberiaSeriesCodeInput", description="The AT's validation code of "
                  "one invoice series (Portuguese issuers: the ATCUD's first part).")
class SeriesCodeInput:
    series: str = strawberry.field(description="F<year> (invoices) or R<year> (credit notes).")
    code: str


@strawberry.input(name="VendorTaxProfileInput")
class VendorTaxProfileInput:
    oss_registered: bool | None = None
    oss_opt_in: bool | None = None
    exemption_evidence: str | None = strawberry.field(
        default=None, description="The education exemption's evidence (authorisation "
                                  "reference); an empty string removes the exemption.")
    exemption_valid_from: date | None = None
    exemption_valid_until: date | None = None
    at_validation_codes: list[SeriesCodeInput] | None = strawberry.field(
        default=None, description="Portuguese issuers: the validation code the AT gave each "
                                  "series (Decreto-Lei 28/2019 art. 7.º); added or replaced.")


@strawberry.type(name="VendorTaxProfileUpdate")
class VendorTaxProfileUpdatePayload:
    profile: VendorTaxProfileType | None
    errors: list[IberiaError]


async def _require_manager(info: Info, vendor_id: int) -> None:
    if await info.context.user() is None:
        raise NotAuthenticated()
    if not await can_manage_vendor(info, vendor_id):
        raise PermissionDenied()


@strawberry.type
class IberiaMutation:
    @strawberry.mutation(description="Set a vendor's OSS registration / opt-in and its "
                                     "education exemption (the vendor's staff or operators).")
    async def iberia_vendor_tax_profile_update(
        self, info: Info, vendor_id: strawberry.ID, input: VendorTaxProfileInput
    ) -> VendorTaxProfileUpdatePayload:
        async def run() -> VendorTaxProfile:
            pk = decode_id(vendor_id, "Vendor", field="vendorId")
            await _require_manager(info, pk)
            return await update_profile(info.context.runtime, pk, ProfileInput(
                oss_registered=input.oss_registered, oss_opt_in=input.oss_opt_in,
                exemption_evidence=input.exemption_evidence,
                exemption_valid_from=input.exemption_valid_from,
                exemption_valid_until=input.exemption_valid_until,
                at_validation_codes={c.series.strip().upper(): c.code.strip().upper()
                                     for c in input.at_validation_codes}
                if input.at_validation_codes is not None else None))

        row, error = await attempt(run)
        if error is not None:
            return VendorTaxProfileUpdatePayload(profile=None, errors=payload_errors(
                error, IberiaError, IberiaErrorCode))
        assert row is not None
        return VendorTaxProfileUpdatePayload(profile=VendorTaxProfileType.of(row), errors=[])


async def tax_profile(root: VendorType, info: Info) -> VendorTaxProfileType | None:
    """The vendor's VAT position (its staff and operators only; null for others)."""
    vendor_id = root.model.id
    if not await can_manage_vendor(info, vendor_id):
        return None
    row = await get_profile(info.context.runtime, vendor_id)
    return VendorTaxProfileType.of(row) if row else None


def vendor_fields() -> list[Any]:
    return [strawberry.field(resolver=tax_profile, name="taxProfile",
                             description=tax_profile.__doc__)]
