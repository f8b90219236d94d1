"""A vendor's declared EU cross-border B2C sales made outside the marketplace (its own
shop, other marketplaces), per calendar year: the €10,000 threshold of VAT Directive
art. 59c(1)(c) (LIVA art. 73; RITI art. 11.º) counts all of the supplier's such sales,
not only those made here. The vendor (or an operator) declares this year's and last
year's amounts; a new declaration for a year replaces the previous one."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from engine.plugins.api import Collector, Runtime, quantize
from plugins.iberia.models import OutsideSales

MAX_AMOUNT = Decimal("1000000000")


async def declare_outside_sales(runtime: Runtime, vendor_id: int, user_id: int, year: int,
                                net: Decimal) -> OutsideSales:
    """The caller has checked that ``user_id`` manages ``vendor_id``."""
    errors = Collector()
    this_year = datetime.now(UTC).year
    if year not in (this_year, this_year - 1):
        errors.add("year", "INVALID", f"Declare {this_year} or {this_year - 1}.")
    if net < 0 or net >= MAX_AMOUNT or net != quantize(net):
        errors.add("net", "INVALID", "A non-negative amount in euros with at most 2 decimals.")
    errors.raise_if_any()
    async with runtime.transaction() as session:
        row = await session.get(OutsideSales, (vendor_id, year), with_for_update=True)
        if row is None:
            row = OutsideSales(vendor_id=vendor_id, year=year, net=net, declared_by=user_id)
            session.add(row)
        else:
            row.net, row.declared_by = net, user_id
    return row
