"""``orderCardPayment``: where an order's Stripe card payment stands, asked of Stripe.

A storefront calls it to get the client secret Stripe.js confirms the card with, and again
once Stripe.js says the card is confirmed: the browser's word is never taken, the
PaymentIntent is retrieved from Stripe and the order becomes paid only if it succeeded for
the order's exact amount (the webhook's own rule, ``effects.succeeded``; whichever comes
first pays the order, the other changes nothing).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from engine.accounts.models import User
from engine.errors import NotFound, ValidationError
from engine.orders import guest_link
from engine.orders.models import Order
from engine.orders.payment import PaymentAction
from engine.payments import stripe_api
from engine.payments.effects import Mismatch, succeeded
from engine.payments.gateways import StripeGateway
from engine.payments.models import Payment
from engine.runtime import Runtime
from engine.vendors.access import require_user


@dataclass(frozen=True)
class CardPayment:
    order: Order
    #: What the browser must still do (confirm the card); None once the order is paid.
    action: PaymentAction | None


async def _order(runtime: Runtime, user: User | None, order_id: int, token: str | None
                 ) -> Order:
    guest = token is not None and guest_link.verify(runtime.settings, token) == order_id
    if not guest:
        user = require_user(user)
    async with runtime.db.read() as session:
        order = await session.get(Order, order_id)
    if order is None or not (guest or (user is not None and (
            order.user_id == user.id or user.is_operator))):
        raise NotFound("orderId", "Order not found.")
    return order


async def check(runtime: Runtime, user: User | None, order_id: int, token: str | None
                ) -> CardPayment:
    """``token``: the order's signed link (``checkoutComplete.orderToken``), for guests."""
    order = await _order(runtime, user, order_id, token)
    if order.status != "UNPAID":
        return CardPayment(order, None)
    if order.payment_gateway != "stripe":
        raise ValidationError("orderId", "INVALID_STATUS", "This order is not paid by card.")
    async with runtime.db.read() as session:
        intent_id = await session.scalar(select(Payment.intent_id).where(
            Payment.order_id == order.id, Payment.gateway == "stripe"))
    await runtime.db.release()  # no connection held across the Stripe call
    if not intent_id:
        return CardPayment(order, await StripeGateway().start(runtime, order))
    intent = await stripe_api.retrieve_intent(runtime.settings, intent_id)
    if intent.status != "succeeded":
        return CardPayment(order, PaymentAction(
            gateway="stripe", type="CONFIRM_CARD_PAYMENT", client_secret=intent.client_secret,
            data={"paymentIntentId": intent.id, "status": intent.status}))
    try:
        async with runtime.transaction() as session:
            await succeeded(runtime, session, intent, int(intent.created))
    except Mismatch as exc:
        raise ValidationError("orderId", "INVALID",
                              "The card payment does not match this order.") from exc
    async with runtime.db.read() as session:
        fresh = await session.get(Order, order.id)
    assert fresh is not None
    return CardPayment(fresh, None)
