"""The cross-border B2C sales ledger (for the €10,000 threshold) and the vendors' facts.

A vendor order counts when the vendor is established in the EU VAT area and the buyer is a
consumer (no VIES-valid VAT number) in *another* member state; its goods (distance sales)
and electronically supplied services count at their net amount, shipping of counted goods
too (VAT Directive art. 59c(1)(c)). Exempt and out-of-scope lines do not count.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import TAX_FACTS_VERSION, Runtime, bump_cache_version
from plugins.iberia.core_reads import PaidVendorOrder, paid_vendor_orders
from plugins.iberia.facts import CONFIRMED_KEY, EU_THRESHOLD, FACTS_KEY, NO_FACTS
from plugins.iberia.facts_read import load_facts
from plugins.iberia.models import CrossBorderSale
from plugins.iberia.supply import ESS, GOODS, category_of
from plugins.iberia.territories import territory_of
from plugins.iberia.vies_manual import latest_confirmation

NOT_COUNTED = ("REVERSE_CHARGE", "INTRA_EU_EXEMPT", "EXPORT_EXEMPT", "OUTSIDE_SCOPE", "EXEMPT")


def cross_border_b2c_net(vendor_order: PaidVendorOrder) -> Decimal:
    vendor = territory_of(vendor_order.vendor_country, vendor_order.vendor_postal_code)
    address = vendor_order.buyer_address
    buyer = territory_of(address.get("country"), address.get("postalCode"))
    found = vendor_order.plugin_data.get("iberia_vat") or {}
    business = found.get("status") == "VALID" and found.get("vat_id") == vendor_order.vat_id \
        and vendor_order.vat_id is not None
    if vendor is None or buyer is None or business or not vendor.in_eu_vat_area \
            or not buyer.in_eu_vat_area or buyer.country == vendor.country:
        return Decimal("0.00")
    total, goods = Decimal("0.00"), False
    for line in vendor_order.lines:
        category = category_of(line.product_kind, line.attributes)
        if category in (GOODS, ESS) and line.treatment not in NOT_COUNTED:
            total += line.net
            goods = goods or category == GOODS
    return total + (vendor_order.shipping_net if goods else Decimal("0.00"))


async def record_paid_order(runtime: Runtime, order_id: int, occurred_at: datetime) -> int:
    """Record the order's cross-border B2C sales once per vendor order; returns how many
    rows were added (0 on a redelivery)."""
    added = 0
    async with runtime.db.read() as session:
        vendor_orders = await paid_vendor_orders(session, order_id)
    for vendor_order in vendor_orders:
        net = cross_border_b2c_net(vendor_order)
        if net <= 0:
            continue
        try:
            async with runtime.db.write() as session:
                if await session.scalar(select(CrossBorderSale.id).where(
                        CrossBorderSale.vendor_order_id == vendor_order.id)) is not None:
                    continue
                before = await session.scalar(select(func.sum(CrossBorderSale.net)).where(
                    CrossBorderSale.vendor_id == vendor_order.vendor_id,
                    CrossBorderSale.year == occurred_at.year))
                before = Decimal(before or 0)
                session.add(CrossBorderSale(vendor_order_id=vendor_order.id,
                                            vendor_id=vendor_order.vendor_id,
                                            year=occurred_at.year, net=net))
                if before <= EU_THRESHOLD:
                    # Within the threshold the price shown for a sale depends on this
                    # year's total (the sale that would cross it is taxed at destination):
                    # cached prices must follow every sale until the threshold is passed.
                    bump_cache_version(session, TAX_FACTS_VERSION)
            added += 1
        except IntegrityError:  # a concurrent redelivery recorded it first
            continue
    return added


async def pricing_facts(session: AsyncSession, vendor_ids: Sequence[int],
                        buyer_vat_id: str | None, year: int) -> dict[int, dict[str, Any]]:
    """``ruta_pricing_facts``: each vendor's facts, and the latest manual VIES confirmation
    of the buyer's number (the same for every vendor)."""
    facts = await load_facts(session, vendor_ids, year)
    confirmed = await latest_confirmation(session, buyer_vat_id) if buyer_vat_id else None
    result: dict[int, dict[str, Any]] = {}
    for vendor_id in vendor_ids:
        entry: dict[str, Any] = {FACTS_KEY: facts.get(vendor_id, NO_FACTS)}
        if confirmed is not None:
            entry[CONFIRMED_KEY] = confirmed
        result[vendor_id] = entry
    return result
