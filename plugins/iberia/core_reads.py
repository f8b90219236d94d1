"""What iberia reads of the core, through ``engine.plugins.api``: a paid order's vendor orders
(vendor, buyer address and VAT status, lines with kind, treatment, net and product
attributes, shipping), line tax snapshots, and the vendor as the invoice's issuer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import order_facts, order_lines, vendor_facts


@dataclass(frozen=True)
class PaidLine:
    product_kind: str
    attributes: dict[str, Any]
    treatment: str
    net: Decimal


@dataclass(frozen=True)
class PaidVendorOrder:
    id: int
    vendor_id: int
    vendor_country: str
    vendor_postal_code: str
    buyer_address: dict[str, Any]
    vat_id: str | None
    plugin_data: dict[str, Any]
    shipping_net: Decimal
    lines: list[PaidLine]
    shipping_tax: Decimal = Decimal("0.00")


async def paid_vendor_orders(session: AsyncSession, order_id: int) -> list[PaidVendorOrder]:
    order = await order_facts(session, order_id)
    if order is None:
        return []
    address = order.shipping_address or order.billing_address or {}
    return [PaidVendorOrder(
        id=vo.id, vendor_id=vo.vendor_id, vendor_country=vo.vendor_country,
        vendor_postal_code=vo.vendor_postal_code, buyer_address=dict(address),
        vat_id=order.vat_id, plugin_data=dict(order.plugin_data), shipping_net=vo.shipping_net,
        shipping_tax=vo.shipping_tax,
        lines=[PaidLine(ln.product_kind, dict(ln.product_attributes), ln.tax_treatment,
                        ln.total_net) for ln in vo.lines])
        for vo in order.vendor_orders]


# --- STOP-GAP (for the lead to replace with public functions) ---------------------------------
# Invoices need facts ``order_facts`` does not expose yet: each line's tax rate, legal note and
# variant name, the vendor order's shipping tax, and the vendor's legal name, tax id and
# address. Read here with plain SELECTs on the core tables (no engine import), in this one
# clearly marked place.

@dataclass(frozen=True)
class LineTax:
    rate: Decimal
    legal_note: str | None
    variant_name: str


@dataclass(frozen=True)
class VendorParty:
    name: str
    tax_id: str
    country: str
    postal_code: str
    region: str | None
    prices_include_tax: bool = False


async def line_taxes(session: AsyncSession, line_ids: Sequence[int]) -> dict[int, LineTax]:
    found = await order_lines(session, line_ids)
    return {pk: LineTax(line.tax_rate, line.tax_legal_note, line.variant_name or "")
            for pk, line in found.items()}


async def vendor_party(session: AsyncSession, vendor_id: int) -> VendorParty | None:
    vendor = await vendor_facts(session, vendor_id)
    if vendor is None:
        return None
    return VendorParty(vendor.name, vendor.tax_id, vendor.country, vendor.postal_code,
                       vendor.region, vendor.prices_include_tax)
