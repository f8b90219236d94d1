"""The vendors' tax facts for pricing, read in one statement: the profile (OSS, exemption),
this year's and last year's cross-border B2C sales on the marketplace and the sales the
vendor declared outside it (``ruta_pricing_facts`` runs for every priced request)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CompoundSelect,
    Date,
    Integer,
    String,
    cast,
    func,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from plugins.iberia.facts import Exemption, VendorFacts
from plugins.iberia.models import CrossBorderSale, OutsideSales, VendorTaxProfile


def _facts_query(vendor_ids: list[int], year: int) -> CompoundSelect[Any]:
    """One statement for the three fact tables (``kind`` 0: the profile, 1: this year's and
    last year's sales on the marketplace, 2: the declared outside sales). The first select
    types the columns of the union, so its empty columns are typed NULLs."""
    money = CrossBorderSale.net.type
    profile = VendorTaxProfile
    return union_all(
        select(literal_column("0").label("kind"), profile.vendor_id,
               cast(null(), Integer).label("year"), cast(null(), money).label("net"),
               profile.oss_registered, profile.oss_opt_in, profile.exemption_evidence,
               profile.exemption_valid_from, profile.exemption_valid_until)
        .where(profile.vendor_id.in_(vendor_ids)),
        select(literal_column("1"), CrossBorderSale.vendor_id, CrossBorderSale.year,
               func.sum(CrossBorderSale.net), *_nulls())
        .where(CrossBorderSale.year >= year - 1, CrossBorderSale.vendor_id.in_(vendor_ids))
        .group_by(CrossBorderSale.vendor_id, CrossBorderSale.year),
        select(literal_column("2"), OutsideSales.vendor_id, OutsideSales.year,
               OutsideSales.net, *_nulls())
        .where(OutsideSales.year >= year - 1, OutsideSales.vendor_id.in_(vendor_ids)))


def _nulls() -> list[Any]:
    return [cast(null(), Boolean), cast(null(), Boolean), cast(null(), String),
            cast(null(), Date), cast(null(), Date)]


async def load_facts(session: AsyncSession, vendor_ids: Sequence[int], year: int
                     ) -> dict[int, VendorFacts]:
    """The vendors' facts (this year's and last year's sales on the marketplace plus the
    sales they declared outside it), in one statement whatever the number of vendors."""
    rows = (await session.execute(_facts_query(list(vendor_ids), year))).all()
    profiles = {row.vendor_id: row for row in rows if row.kind == 0}
    amounts = [(row.vendor_id, row.year, row.net) for row in rows if row.kind != 0]
    sales: dict[int, dict[int, Decimal]] = {}
    for vendor_id, sale_year, amount in amounts:
        # sum() keeps the column's type: already a Decimal in euros
        per_year = sales.setdefault(vendor_id, {})
        per_year[sale_year] = per_year.get(sale_year, Decimal("0.00")) + \
            Decimal(amount).quantize(Decimal("0.01"))
    facts: dict[int, VendorFacts] = {}
    for vendor_id in set(profiles) | set(sales):
        profile = profiles.get(vendor_id)
        exemption = None
        if profile and profile.exemption_evidence and profile.exemption_valid_from:
            exemption = Exemption(profile.exemption_evidence, profile.exemption_valid_from,
                                  profile.exemption_valid_until)
        facts[vendor_id] = VendorFacts(
            oss_registered=bool(profile and profile.oss_registered),
            oss_opt_in=bool(profile and profile.oss_opt_in), exemption=exemption,
            sales=sales.get(vendor_id, {}))
    return facts
