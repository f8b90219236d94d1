"""What each Stripe event does to Ruta's records (inside the webhook's transaction).

Also used by reconciliation (``ruta reconcile-payments``) for a PaymentIntent whose webhook
was lost: the same rules, the same single effect.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.orders.models import Order
from engine.orders.payment import mark_paid
from engine.payments.models import Payment, VendorAccount
from engine.payments.stripe_api import cents, from_cents
from engine.runtime import Runtime

#: Payment statuses that no later event may leave.
FINAL = ("SUCCEEDED",)


class Mismatch(Exception):
    """The event contradicts the order it names: nothing is changed."""


async def payment_for(session: AsyncSession, intent_id: str) -> Payment | None:
    return await session.scalar(select(Payment).where(Payment.intent_id == intent_id)
                                .with_for_update())


async def succeeded(runtime: Runtime, session: AsyncSession, intent: Any, created: int) -> bool:
    """Mark the order paid if the intent matches it exactly. True if anything changed."""
    payment = await payment_for(session, intent.id)
    if payment is None:
        return False
    order = await session.get(Order, payment.order_id, with_for_update=True)
    raw = getattr(intent, "metadata", None) or {}
    metadata = raw.to_dict() if hasattr(raw, "to_dict") else dict(raw)
    if order is None or metadata.get("order_id") != str(order.id):
        raise Mismatch(f"{intent.id} does not belong to order {payment.order_id}")
    if intent.amount != cents(order.amount_due) or str(intent.currency).lower() != "eur":
        raise Mismatch(f"{intent.id}: {intent.amount} {intent.currency} is not the order total")
    if payment.status == "SUCCEEDED":
        return False
    payment.status, payment.error = "SUCCEEDED", None
    payment.last_event_at = max(payment.last_event_at, created)
    if order.status == "UNPAID":
        await mark_paid(runtime, session, order)
    return True


async def failed(session: AsyncSession, intent: Any, created: int, status: str) -> None:
    payment = await payment_for(session, intent.id)
    if payment is None or payment.status in FINAL or created < payment.last_event_at:
        return
    error = getattr(intent, "last_payment_error", None)
    payment.status = status
    payment.error = getattr(error, "message", None) or ("The card was declined."
                                                        if status == "FAILED" else None)
    payment.last_event_at = created


async def refunded(session: AsyncSession, charge: Any) -> None:
    intent_id = charge.payment_intent
    payment = await payment_for(session, intent_id) if intent_id else None
    if payment is not None:
        payment.refunded = max(payment.refunded, from_cents(charge.amount_refunded))


async def account_updated(session: AsyncSession, account: Any) -> None:
    row = await session.scalar(select(VendorAccount).where(
        VendorAccount.stripe_account_id == account.id))
    if row is not None:
        row.payouts_enabled = bool(account.payouts_enabled)


async def apply_event(runtime: Runtime, session: AsyncSession, event: Any) -> None:
    obj, created = event.data.object, int(event.created)
    if event.type == "payment_intent.succeeded":
        await succeeded(runtime, session, obj, created)
    elif event.type == "payment_intent.payment_failed":
        await failed(session, obj, created, "FAILED")
    elif event.type == "payment_intent.canceled":
        await failed(session, obj, created, "CANCELED")
    elif event.type == "charge.refunded":
        await refunded(session, obj)
    elif event.type == "account.updated":
        await account_updated(session, obj)
