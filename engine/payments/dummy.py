"""The dummy gateway's confirmation: succeeds or fails on command (never in production)."""

from __future__ import annotations

from sqlalchemy import select

from engine.accounts.models import User
from engine.errors import NotFound, PermissionDenied
from engine.orders import guest_link
from engine.orders.models import Order
from engine.orders.payment import mark_paid
from engine.payments.models import Payment
from engine.runtime import Runtime
from engine.vendors.access import require_user


def _may_confirm(user: User | None, order: Order, guest: bool) -> bool:
    if user is None:
        return guest
    return guest or order.user_id == user.id or user.is_operator


async def confirm(runtime: Runtime, user: User | None, order_id: int, succeed: bool,
                  token: str | None = None) -> Order:
    """``token``: the order's signed link (``checkoutComplete.orderToken``) lets a guest
    confirm their own order."""
    if runtime.settings.is_production:
        raise PermissionDenied("The dummy gateway is not available in production.")
    guest = token is not None and guest_link.verify(runtime.settings, token) == order_id
    if not guest:
        user = require_user(user)
    async with runtime.transaction() as session:
        order = await session.get(Order, order_id, with_for_update=True)
        if order is None or not _may_confirm(user, order, guest):
            raise NotFound("orderId", "Order not found.")
        payment = await session.scalar(select(Payment).where(
            Payment.order_id == order.id, Payment.gateway == "dummy"))
        if payment is None:
            raise NotFound("orderId", "This order is not paid with the dummy gateway.")
        if payment.status == "SUCCEEDED":
            return order
        if succeed:
            payment.status, payment.error = "SUCCEEDED", None
            await mark_paid(runtime, session, order)
        else:
            payment.status, payment.error = "FAILED", "The dummy card was declined (on request)."
    return order
