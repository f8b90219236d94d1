"""``Order.platformDiscount`` and ``Order.amountDue``: what a platform-funded voucher paid
and what the buyer was charged (added to ``Order`` by the core's own plugin)."""

from __future__ import annotations

from typing import Any

import strawberry

from engine.api.money_types import MoneyType, money


def order_platform_discount(root: Any) -> MoneyType | None:
    """What a platform-funded voucher paid for the buyer (null for a vendor's view)."""
    return money(root.model.platform_discount) if root.view.full else None


def order_amount_due(root: Any) -> MoneyType | None:
    """What the buyer is charged: total.gross less platformDiscount (null for a vendor)."""
    return money(root.model.amount_due) if root.view.full else None


def order_fields() -> list[Any]:
    return [strawberry.field(resolver=order_platform_discount, name="platformDiscount",
                             description=order_platform_discount.__doc__),
            strawberry.field(resolver=order_amount_due, name="amountDue",
                             description=order_amount_due.__doc__)]
