"""The rows ``checkoutComplete`` inserts under an order: its vendor orders and lines, one
multi-row ``INSERT ... RETURNING`` per table on both databases.

SQLite cannot say which generated id belongs to which row of a multi-row insert, so
SQLAlchemy's unit of work sends one INSERT per row there. These are ORM bulk inserts
instead, and each returned row is matched to its input by what is unique in an order:
a vendor order by its vendor, a line by its vendor order and variant.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from engine.checkout.state import CheckoutState, LineState
from engine.orders.models import Order, OrderLine, VendorOrder

#: Rows with a None value keep the column: every row has the same columns, one statement.
NULLS = {"render_nulls": True}


def _vendor_order_row(order: Order, vendor: Any) -> dict[str, Any]:
    method = vendor.shipping_method
    return dict(
        order_id=order.id, vendor_id=vendor.vendor.id, status="UNPAID",
        total_net=vendor.total.net, total_tax=vendor.total.tax, total_gross=vendor.total.gross,
        shipping_method_name=method.name if method and vendor.needs_shipping else None,
        shipping_net=vendor.shipping.net, shipping_tax=vendor.shipping.tax,
        shipping_gross=vendor.shipping.gross, platform_discount=vendor.platform_discount)


def _line_row(order: Order, vendor_order: VendorOrder, line: LineState) -> dict[str, Any]:
    priced = line.priced
    return dict(
        order_id=order.id, vendor_order_id=vendor_order.id, vendor_id=line.vendor.id,
        variant_id=line.variant.id, product_id=line.product.id, product_name=line.product_name,
        variant_name=line.variant.name, sku=line.variant.sku, product_kind=line.product.kind,
        quantity=line.line.quantity, unit_net=priced.unit.net, unit_tax=priced.unit.tax,
        unit_gross=priced.unit.gross, total_net=priced.total.net, total_tax=priced.total.tax,
        total_gross=priced.total.gross, tax_rate=priced.decision.rate,
        tax_treatment=priced.decision.treatment, tax_territory=priced.decision.territory,
        tax_legal_note=priced.decision.legal_note, digital_asset=line.product.digital_asset,
        stock_released=not line.tracks_stock, discount_gross=line.discount.gross,
        platform_discount=line.platform_discount)


async def insert_vendor_orders(session: AsyncSession, order: Order, state: CheckoutState
                               ) -> list[VendorOrder]:
    """One vendor order per vendor, in ``state.vendors``' order."""
    rows = [_vendor_order_row(order, vendor) for vendor in state.vendors]
    found = {vo.vendor_id: vo for vo in await session.scalars(
        insert(VendorOrder).returning(VendorOrder), rows, execution_options=NULLS)}
    return [found[vendor.vendor.id] for vendor in state.vendors]


async def insert_lines(session: AsyncSession, order: Order, state: CheckoutState,
                       vendor_orders: list[VendorOrder]
                       ) -> dict[int, list[tuple[LineState, OrderLine]]]:
    """Every line, by vendor order id, each with the checkout line it snapshots."""
    pairs = [(vendor_order, line) for vendor, vendor_order in
             zip(state.vendors, vendor_orders, strict=True) for line in vendor.lines]
    rows = [_line_row(order, vendor_order, line) for vendor_order, line in pairs]
    found = {(ol.vendor_order_id, ol.variant_id): ol for ol in await session.scalars(
        insert(OrderLine).returning(OrderLine), rows, execution_options=NULLS)} if rows else {}
    lines: dict[int, list[tuple[LineState, OrderLine]]] = {vo.id: [] for vo in vendor_orders}
    for vendor_order, line in pairs:
        lines[vendor_order.id].append((line, found[(vendor_order.id, line.variant.id)]))
    return lines
