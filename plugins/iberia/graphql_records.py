"""GraphQL: a vendor's declared outside sales and an operator's manual VIES confirmation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from engine.plugins.api import (
    Info,
    NotAuthenticated,
    attempt,
    decode_id,
    payload_errors,
)
from plugins.iberia.graphql import IberiaError, IberiaErrorCode, _require_manager
from plugins.iberia.models import OutsideSales, ViesConfirmation
from plugins.iberia.outside_sales import declare_outside_sales
from plugins.iberia.vies_manual import record_confirmation


@strawberry.type(name="IberiaOutsideSales", description="EU cross-border B2C sales a vendor "
                 "made outside the marketplace in a year (net, EUR); they count towards the "
                 "€10,000 threshold (VAT Directive art. 59c).")
class OutsideSalesType:
    year: int
    net: Decimal


@strawberry.type(name="IberiaOutsideSalesDeclare")
class OutsideSalesPayload:
    outside_sales: OutsideSalesType | None
    errors: list[IberiaError]


@strawberry.type(name="IberiaViesConfirmation", description="A VAT number an operator "
                 "confirmed manually while VIES was unavailable, with its evidence.")
class ViesConfirmationType:
    vat_id: str
    reference: str
    consulted_on: date
    confirmed_by: strawberry.ID


@strawberry.type(name="IberiaViesConfirmationRecord")
class ViesConfirmationPayload:
    confirmation: ViesConfirmationType | None
    errors: list[IberiaError]


@strawberry.type
class IberiaRecordsMutation:
    @strawberry.mutation(description="Declare the vendor's EU cross-border B2C sales made "
                                     "outside the marketplace for this or last year (the "
                                     "vendor's staff or operators); replaces that year's.")
    async def iberia_outside_sales_declare(self, info: Info, vendor_id: strawberry.ID,
                                           year: int, net: Decimal) -> OutsideSalesPayload:
        async def run() -> OutsideSales:
            pk = decode_id(vendor_id, "Vendor", field="vendorId")
            await _require_manager(info, pk)
            user = await info.context.user()
            assert user is not None
            return await declare_outside_sales(info.context.runtime, pk, user.id, year, net)

        row, error = await attempt(run)
        if error is not None:
            return OutsideSalesPayload(outside_sales=None, errors=payload_errors(
                error, IberiaError, IberiaErrorCode))
        assert row is not None
        return OutsideSalesPayload(outside_sales=OutsideSalesType(year=row.year, net=row.net),
                                   errors=[])

    @strawberry.mutation(description="Operators: record that a VAT number was confirmed "
                                     "another way while VIES was unavailable (reference, "
                                     "date); the next checkouts treat it as valid.")
    async def iberia_vies_confirmation_record(self, info: Info, vat_id: str, reference: str,
                                              consulted_on: date) -> ViesConfirmationPayload:
        async def run() -> ViesConfirmation:
            user = await info.context.user()
            if user is None:
                raise NotAuthenticated()
            return await record_confirmation(info.context.runtime, user.id, user.is_operator,
                                             vat_id, reference, consulted_on)

        row, error = await attempt(run)
        if error is not None:
            return ViesConfirmationPayload(confirmation=None, errors=payload_errors(
                error, IberiaError, IberiaErrorCode))
        assert row is not None
        return ViesConfirmationPayload(confirmation=ViesConfirmationType(
            vat_id=row.vat_id, reference=row.reference, consulted_on=row.consulted_on,
            confirmed_by=strawberry.ID(str(row.confirmed_by))), errors=[])
