"""The built-in payment gateways: ``stripe`` (card payments with PaymentIntents) and
``dummy`` (succeeds or fails on command; demo and development only)."""

from __future__ import annotations

from sqlalchemy import select

from engine.orders.models import Order
from engine.orders.payment import PaymentAction
from engine.payments import stripe_api
from engine.payments.models import Payment
from engine.runtime import Runtime
from engine.settings import Settings


class StripeGateway:
    code = "stripe"
    description = "Card payments through Stripe."

    def available(self, settings: Settings) -> bool:
        return bool(settings.stripe_secret_key)

    async def start(self, runtime: Runtime, order: Order) -> PaymentAction | None:
        """Create (or, on a retry, reuse) the order's PaymentIntent for its frozen total."""
        async with runtime.db.read() as session:
            payment = await session.scalar(select(Payment).where(
                Payment.order_id == order.id, Payment.gateway == self.code))
        await runtime.db.release()  # no connection held across the Stripe call
        if payment is not None and payment.intent_id:
            intent = await stripe_api.retrieve_intent(runtime.settings, payment.intent_id)
        else:
            intent = await stripe_api.create_intent(runtime.settings, order_id=order.id,
                                                    number=order.number, amount=order.amount_due)
            async with runtime.transaction() as session:
                existing = await session.scalar(select(Payment).where(
                    Payment.order_id == order.id, Payment.gateway == self.code))
                if existing is None:
                    session.add(Payment(order_id=order.id, gateway=self.code,
                                        intent_id=intent.id, amount=order.amount_due,
                                        currency="EUR", status="PENDING"))
        if intent.status == "succeeded":
            return None
        return PaymentAction(gateway=self.code, type="CONFIRM_CARD_PAYMENT",
                             client_secret=intent.client_secret,
                             data={"paymentIntentId": intent.id, "status": intent.status})


class DummyGateway:
    code = "dummy"
    description = "A pretend gateway for the demo: confirm with dummyPaymentConfirm."

    def available(self, settings: Settings) -> bool:
        return not settings.is_production

    async def start(self, runtime: Runtime, order: Order) -> PaymentAction | None:
        async with runtime.transaction() as session:
            existing = await session.scalar(select(Payment).where(
                Payment.order_id == order.id, Payment.gateway == self.code))
            if existing is None:
                session.add(Payment(order_id=order.id, gateway=self.code, amount=order.amount_due,
                                    currency="EUR", status="PENDING"))
        return PaymentAction(gateway=self.code, type="DUMMY_CONFIRM",
                             data={"mutation": "dummyPaymentConfirm"})
