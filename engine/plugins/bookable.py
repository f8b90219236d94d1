"""Bookable seats for plugins: create a vendor's bookable variants in one step, and cancel
one bought seat with a refund through the core.

A plugin that sells dated sessions (mentoring, programme events) checks its own
permissions (who manages the session), then calls these; the core keeps the seat counting,
the refund, the Stripe reversal and the ledger.

- ``add_bookable_variants(runtime, session, vendor_id, product_id, slots)`` runs in the
  caller's transaction, with the same checks as ``productVariantCreate`` for each slot;
  the product must belong to ``vendor_id`` and be of a bookable kind, else ``NotFound`` /
  ``ValidationError`` (nothing is written).
- ``cancel_bought_seat(runtime, order_id, variant_id, refund)`` must be called with no
  transaction open: it frees one seat of ``variant_id`` bought in ``order_id`` (the
  core booking becomes ``CANCELLED_BY_CUSTOMER``) and refunds ``refund`` EUR of the vendor
  order holding that line (the rest, e.g. a late-cancellation fee, stays with the vendor).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.bookings.models import ACTIVE, Booking
from engine.catalog.models import Product
from engine.catalog.variants import VariantData, insert_variant
from engine.errors import NotFound
from engine.inventory.reservations import give_back_seats
from engine.orders.models import OrderLine
from engine.payments.refunds import RefundRequest, refund
from engine.runtime import Runtime

__all__ = ["BookableSlot", "add_bookable_variants", "cancel_bought_seat"]


@dataclass(frozen=True)
class BookableSlot:
    sku: str
    price: Decimal
    starts_at: datetime
    ends_at: datetime
    capacity: int
    name: str | None = None


async def add_bookable_variants(runtime: Runtime, session: AsyncSession, vendor_id: int,
                                product_id: int, slots: Sequence[BookableSlot]) -> list[int]:
    """The new variants' ids, in the order of ``slots``."""
    product = await session.get(Product, product_id, with_for_update=True)
    if product is None or product.vendor_id != vendor_id:
        raise NotFound("productId", "No product of this vendor.")
    ids = []
    for slot in slots:
        variant = await insert_variant(runtime, session, product, VariantData(
            sku=slot.sku, name=slot.name, price=slot.price, starts_at=slot.starts_at,
            ends_at=slot.ends_at, capacity=slot.capacity))
        ids.append(variant.id)
    return ids


async def cancel_bought_seat(runtime: Runtime, order_id: int, variant_id: int,
                             refund_amount: Decimal) -> Decimal:
    """Free one seat and refund ``refund_amount``; returns what was refunded."""
    async with runtime.transaction() as session:
        line = await session.scalar(select(OrderLine).where(
            OrderLine.order_id == order_id, OrderLine.variant_id == variant_id))
        if line is None:
            raise NotFound("orderId", "This order did not buy that seat.")
        vendor_order_id = line.vendor_order_id
        booking_id = await session.scalar(select(Booking.id).where(
            Booking.order_id == order_id, Booking.variant_id == variant_id,
            Booking.status.in_(ACTIVE)).order_by(Booking.id).limit(1))
        if booking_id is not None:
            changed = await session.execute(update(Booking).where(
                Booking.id == booking_id, Booking.status.in_(ACTIVE))
                .values(status="CANCELLED_BY_CUSTOMER", hold_expires_at=None))
            if getattr(changed, "rowcount", 0) == 1:
                await give_back_seats(session, variant_id, 1)
    if refund_amount <= 0:
        return Decimal("0.00")
    done = await refund(runtime, None, RefundRequest(vendor_order_id, refund_amount),
                        platform=True)
    return done.amount
