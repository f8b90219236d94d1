"""The platform-funded part of a refund.

A platform-funded voucher paid part of a vendor order for the buyer; the vendor was
credited the whole price. Refunding undoes the sale, so the buyer gets back what they
paid and the platform gets back what it paid: for refunded lines, the lines' own
platform part; for an amount, the same proportion of what is left of the platform's part.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.money import quantize
from engine.orders.models import OrderLine, VendorOrder
from engine.payments.models import Refund

ZERO = Decimal("0.00")


async def platform_part(session: AsyncSession, vendor_order: VendorOrder, amount: Decimal,
                        line_ids: Sequence[int]) -> Decimal:
    if not vendor_order.platform_discount:
        return ZERO
    returned = await session.scalar(select(func.sum(Refund.platform_part)).where(
        Refund.vendor_order_id == vendor_order.id, Refund.status != "FAILED")) or ZERO
    left = vendor_order.platform_discount - returned
    if line_ids:
        lines = await session.scalar(select(func.sum(OrderLine.platform_discount)).where(
            OrderLine.id.in_(line_ids), OrderLine.vendor_order_id == vendor_order.id))
        return min(lines or ZERO, left)
    paid = vendor_order.amount_paid
    return min(quantize(amount * vendor_order.platform_discount / paid), left) \
        if paid > 0 else left
