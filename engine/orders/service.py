"""Order operations after checkout: cancel, mark paid by hand, fulfil, expire holds.

Stock and seats are given back exactly once: each line's stock is released by a
conditional UPDATE of its ``stock_released`` flag, each seat by its booking's status.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.bookings.service import expired_orders, release
from engine.catalog.kinds import product_kinds
from engine.db.types import utcnow
from engine.errors import Collector, NotFound, PermissionDenied, ValidationError
from engine.events.outbox import record
from engine.input_rules import clean_text
from engine.inventory.reservations import give_back_stock
from engine.orders.models import Order, OrderLine, VendorOrder
from engine.orders.payment import mark_paid
from engine.orders.status import (
    ORDER_TRANSITIONS,
    VENDOR_ORDER_TRANSITIONS,
    check_order,
    check_vendor_order,
    sources,
)
from engine.runtime import Runtime
from engine.vendors.access import require_operator, require_user, require_vendor_staff

#: How a cancellation ends the order's bookings.
BOOKING_STATUS_FOR = {"CANCELLED_BY_CUSTOMER": "CANCELLED_BY_CUSTOMER",
                      "CANCELLED_BY_OPERATOR": "CANCELLED_BY_PROVIDER", "EXPIRED": "EXPIRED"}


async def _release_stock(session: AsyncSession, order_id: int) -> None:
    lines = await session.scalars(
        select(OrderLine).where(OrderLine.order_id == order_id,
                                OrderLine.stock_released.is_(False))
        .order_by(OrderLine.variant_id))
    for line in list(lines):
        flipped = await session.execute(
            update(OrderLine).where(OrderLine.id == line.id, OrderLine.stock_released.is_(False))
            .values(stock_released=True))
        if getattr(flipped, "rowcount", 0) == 1 and line.variant_id is not None:
            await give_back_stock(session, line.variant_id, line.quantity)


async def _cancel(runtime: Runtime, session: AsyncSession, order: Order, reason: str) -> None:
    check_order(order.status, "CANCELLED")
    vendor_statuses = set(await session.scalars(
        select(VendorOrder.status).where(VendorOrder.order_id == order.id)))
    if vendor_statuses & {"FULFILLED", "COMPLETED"}:
        raise ValidationError("id", "INVALID_STATUS", "Part of this order has been shipped.")
    changed = await session.execute(
        update(Order).where(Order.id == order.id,
                            Order.status.in_(sources(ORDER_TRANSITIONS, "CANCELLED")))
        .values(status="CANCELLED"))
    if getattr(changed, "rowcount", 0) != 1:
        raise ValidationError("id", "INVALID_STATUS", "The order changed meanwhile; try again.")
    await session.execute(
        update(VendorOrder).where(VendorOrder.order_id == order.id,
                                  VendorOrder.status.in_(
                                      sources(VENDOR_ORDER_TRANSITIONS, "CANCELLED")))
        .values(status="CANCELLED"))
    await _release_stock(session, order.id)
    await release(session, order.id, BOOKING_STATUS_FOR[reason])
    order.status = "CANCELLED"
    await record(session, runtime.plugins, "ruta_order_cancelled", order_id=order.id,
                 reason=reason)


async def cancel(runtime: Runtime, user: User | None, order_id: int) -> Order:
    """The customer cancels their unpaid order; an operator cancels any unshipped order."""
    user = require_user(user)
    async with runtime.transaction() as session:
        order = await session.get(Order, order_id, with_for_update=True)
        if order is None or (order.user_id != user.id and not user.is_operator):
            raise NotFound("id", "Order not found.")
        if not user.is_operator and order.status != "UNPAID":
            raise ValidationError("id", "INVALID_STATUS",
                                  "A paid order is cancelled by asking for a refund.")
        reason = "CANCELLED_BY_CUSTOMER" if order.user_id == user.id else \
            "CANCELLED_BY_OPERATOR"
        await _cancel(runtime, session, order, reason)
    return order


async def mark_paid_by_operator(runtime: Runtime, user: User | None, order_id: int) -> Order:
    """Record a payment received outside the gateways (bank transfer, cash)."""
    require_operator(user)
    async with runtime.transaction() as session:
        order = await session.get(Order, order_id, with_for_update=True)
        if order is None:
            raise NotFound("id", "Order not found.")
        await mark_paid(runtime, session, order)
    return order


async def fulfill(runtime: Runtime, user: User | None, vendor_order_id: int,
                  tracking_number: str | None, carrier: str | None = None) -> VendorOrder:
    """The vendor ships its part of a paid order."""
    async with runtime.transaction() as session:
        vendor_order = await session.get(VendorOrder, vendor_order_id, with_for_update=True)
        if user is None or not user.is_operator:
            membership = await require_vendor_staff(session, user)
            if vendor_order is not None and vendor_order.vendor_id != membership.vendor_id:
                raise PermissionDenied("You can only fulfil your own vendor's orders.")
        if vendor_order is None:
            raise NotFound("id", "Vendor order not found.")
        check_vendor_order(vendor_order.status, "FULFILLED")
        kinds = product_kinds(runtime.plugins)
        line_kinds = set(await session.scalars(
            select(OrderLine.product_kind).where(OrderLine.vendor_order_id == vendor_order.id)))
        if not any(kinds.get(kind) and kinds[kind].shippable for kind in line_kinds):
            raise ValidationError("id", "NOT_FULFILLABLE", "Nothing in this order ships.")
        errors = Collector()
        tracking = clean_text(errors, "trackingNumber", tracking_number, max_length=100,
                              required=False) if tracking_number is not None else None
        shipper = clean_text(errors, "carrier", carrier, max_length=60,
                             required=False) if carrier is not None else None
        errors.raise_if_any()
        vendor_order.status, vendor_order.tracking_number = "FULFILLED", tracking or None
        vendor_order.carrier = shipper or None
        vendor_order.fulfilled_at = utcnow()
        await _roll_up(session, vendor_order.order_id)
        await record(session, runtime.plugins, "ruta_vendor_order_fulfilled",
                     vendor_order_id=vendor_order.id, order_id=vendor_order.order_id,
                     vendor_id=vendor_order.vendor_id)
    return vendor_order


async def _roll_up(session: AsyncSession, order_id: int) -> None:
    """The order is FULFILLED once every vendor order is."""
    await session.flush()
    statuses = set(await session.scalars(
        select(VendorOrder.status).where(VendorOrder.order_id == order_id)))
    if statuses == {"FULFILLED"}:
        await session.execute(update(Order).where(Order.id == order_id, Order.status == "PAID")
                              .values(status="FULFILLED"))


async def expire_holds(runtime: Runtime, now: datetime | None = None) -> int:
    """Cancel unpaid orders whose booking holds ran out (seats and stock go back)."""
    now = now or utcnow()
    async with runtime.db.read() as session:
        candidates = await expired_orders(session, now)
    expired = 0
    for order_id in candidates:
        async with runtime.transaction() as session:
            order = await session.get(Order, order_id, with_for_update=True)
            if order is not None and order.status == "UNPAID":
                await _cancel(runtime, session, order, "EXPIRED")
                expired += 1
    return expired
