"""The paid order facts the threshold ledger needs, from ``engine.plugin_api.order_facts``:
each vendor order's vendor, the buyer's address and VAT status, and the lines (kind,
treatment, net) with the product's attributes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugin_api import order_facts


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


async def paid_vendor_orders(session: AsyncSession, order_id: int) -> list[PaidVendorOrder]:
    order = await order_facts(session, order_id)
    if order is None:
        return []
    address = order.shipping_address or order.billing_address or {}
    return [PaidVendorOrder(
        id=vo.id, vendor_id=vo.vendor_id, vendor_country=vo.vendor_country,
        vendor_postal_code=vo.vendor_postal_code, buyer_address=dict(address),
        vat_id=order.vat_id, plugin_data=dict(order.plugin_data), shipping_net=vo.shipping_net,
        lines=[PaidLine(ln.product_kind, dict(ln.product_attributes), ln.tax_treatment,
                        ln.total_net) for ln in vo.lines])
        for vo in order.vendor_orders]
