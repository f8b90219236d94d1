"""Payment gateways (contributed by plugins) and the one place an order becomes PAID."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import pluggy
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.bookings.service import confirm
from engine.db.types import utcnow
from engine.events.outbox import record
from engine.orders.models import Order, VendorOrder
from engine.orders.status import ORDER_TRANSITIONS, check_order, sources

if TYPE_CHECKING:
    from engine.runtime import Runtime
    from engine.settings import Settings


@dataclass(frozen=True)
class PaymentAction:
    """What the client must do next (e.g. confirm a card with a client secret)."""

    gateway: str
    type: str
    client_secret: str | None = None
    data: dict[str, Any] | None = None


class PaymentGateway(Protocol):
    code: str
    description: str

    def available(self, settings: Settings) -> bool:
        """Whether the gateway can take payments with these settings (keys, mode)."""

    async def start(self, runtime: Runtime, order: Order) -> PaymentAction | None:
        """Called after the order is committed (and again on an idempotent retry): begin
        collecting ``order.amount_due``. Must be idempotent for the same order."""


def gateways(plugins: pluggy.PluginManager) -> dict[str, PaymentGateway]:
    found: dict[str, PaymentGateway] = {}
    for contributed in reversed(plugins.hook.ruta_payment_gateways()):
        for gateway in contributed or ():
            found.setdefault(gateway.code, gateway)
    return found


async def mark_paid(runtime: Runtime, session: AsyncSession, order: Order) -> bool:
    """UNPAID -> PAID for the order and its vendor orders, holds -> confirmed bookings, and
    ``ruta_order_paid`` after commit. Returns False if the order was not UNPAID (no-op)."""
    check_order(order.status, "PAID")
    now = utcnow()
    changed = await session.execute(
        update(Order).where(Order.id == order.id,
                            Order.status.in_(sources(ORDER_TRANSITIONS, "PAID")))
        .values(status="PAID", paid_at=now))
    if getattr(changed, "rowcount", 0) != 1:
        return False
    await session.execute(update(VendorOrder).where(VendorOrder.order_id == order.id,
                                                    VendorOrder.status == "UNPAID")
                          .values(status="PAID"))
    await confirm(session, order.id)
    order.status, order.paid_at = "PAID", now
    await record(session, runtime.plugins, "ruta_order_paid", order_id=order.id)
    return True
