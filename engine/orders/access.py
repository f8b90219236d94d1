"""Who sees what of an order: the customer and operators everything; each vendor involved
only its own vendor order, its lines and what it needs to deliver (address, e-mail)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.orders.models import Order, VendorOrder
from engine.vendors.access import membership_of


@dataclass(frozen=True)
class OrderView:
    full: bool
    vendor_id: int | None = None
    buyer: bool = False


async def view_of(session: AsyncSession, user: User | None, order: Order,
                  created_here: bool = False) -> OrderView | None:
    """How ``user`` may see ``order``; None when not at all. ``created_here``: the caller just
    completed the checkout (anonymous buyers see their order in that response)."""
    if created_here or (user is not None and order.user_id is not None and
                        order.user_id == user.id):
        return OrderView(full=True, buyer=True)
    if user is None:
        return None
    if user.is_operator:
        return OrderView(full=True)
    membership = await membership_of(session, user.id)
    if membership is None:
        return None
    involved = await session.scalar(select(VendorOrder.id).where(
        VendorOrder.order_id == order.id, VendorOrder.vendor_id == membership.vendor_id))
    return OrderView(full=False, vendor_id=membership.vendor_id) if involved else None
