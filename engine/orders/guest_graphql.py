"""Guest orders: ``orderByToken`` (the signed link of the confirmation e-mail) and, once the
guest registers and verifies the same e-mail, their guest orders in ``myOrders``."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import func, or_

from engine.accounts.models import User
from engine.api.context import Info
from engine.orders import guest_link
from engine.orders.access import OrderView
from engine.orders.models import Order
from engine.orders.types import OrderType


def mine(user: User) -> Any:
    """The user's orders, and guest orders placed with the user's e-mail once verified."""
    if user.email_verified_at is None:
        return Order.user_id == user.id
    return or_(Order.user_id == user.id,
               Order.user_id.is_(None) & (func.lower(Order.email) == user.email.lower()))


@strawberry.type
class GuestOrderQuery:
    @strawberry.field(description="The order named by a signed link from its confirmation "
                                  "e-mail (guest checkout): the buyer's full view, downloads "
                                  "included; null when the link is invalid or expired.")
    async def order_by_token(self, info: Info, token: str) -> OrderType | None:
        order_id = guest_link.verify(info.context.runtime.settings, token)
        if order_id is None:
            return None
        async with info.context.runtime.db.read() as session:
            order = await session.get(Order, order_id)
        return OrderType.of(order, OrderView(full=True, buyer=True)) if order else None
