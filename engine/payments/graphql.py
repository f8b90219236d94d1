"""GraphQL for payments: ``orderRefund``, ``vendorPaymentOnboarding``,
``dummyPaymentConfirm``, ``orderCardPayment``, and the ``Vendor.payouts`` / ``Vendor.balance`` /
``Order.payments`` fields."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.api.money_types import MoneyType, money
from engine.api.viewer import can_manage_vendor
from engine.errors import PermissionDenied, ValidationError
from engine.orders.access import OrderView
from engine.orders.models import Order
from engine.orders.types import OrderType, PaymentActionType
from engine.payments import card, dummy, ledger, onboarding, refunds
from engine.payments.models import Payment, Refund, Transfer
from engine.vendors.types import VendorType

PaymentErrorCode = strawberry.enum(
    error_code_enum("PaymentErrorCode", ("OVER_REFUND", "REFUND_FAILED", "INVALID_STATUS",
                                         "ALREADY_REFUNDED", "GATEWAY_NOT_CONFIGURED")),
    description="Why a payment mutation was refused.")


@strawberry.type
class PaymentError:
    field: str | None
    code: PaymentErrorCode  # type: ignore[valid-type]
    message: str


def _errors(exc: ValidationError | None) -> list[PaymentError]:
    return payload_errors(exc, PaymentError, PaymentErrorCode) if exc else []


@strawberry.type(name="Payment")
class PaymentType:
    gateway: str
    status: str
    amount: MoneyType
    refunded: MoneyType
    error: str | None
    created_at: datetime


@strawberry.type(name="Payout", description="The vendor's share of one vendor order.")
class PayoutType:
    id: strawberry.ID
    vendor_order_id: strawberry.ID
    amount: MoneyType
    commission: MoneyType
    reversed: MoneyType
    status: str
    created_at: datetime


@strawberry.type(name="VendorBalance")
class BalanceType:
    sales: MoneyType
    commission: MoneyType
    refunded: MoneyType
    paid_out: MoneyType
    owed: MoneyType = strawberry.field(description="Earned and not yet paid out.")
    commission_base: str = strawberry.field(description="What the commission rate applies "
                                            "to: NET (excluding VAT) or GROSS.")


@strawberry.type(name="Refund")
class RefundType:
    id: strawberry.ID
    amount: MoneyType
    status: str


async def order_payments(root: OrderType, info: Info) -> list[PaymentType]:
    """Payment attempts for this order (its customer and operators)."""
    if not root.view.full:
        return []
    async with info.context.runtime.db.read() as session:
        rows = await session.scalars(select(Payment).where(Payment.order_id == root.model.id)
                                     .order_by(Payment.id))
        return [PaymentType(gateway=p.gateway, status=p.status, amount=money(p.amount),
                            refunded=money(p.refunded), error=p.error, created_at=p.created_at)
                for p in rows]


async def vendor_payouts(root: VendorType, info: Info) -> list[PayoutType]:
    """Transfers of this vendor's earnings (its staff and operators)."""
    if not await can_manage_vendor(info, root.model.id):
        raise PermissionDenied("Only the vendor's staff see its payouts.")
    async with info.context.runtime.db.read() as session:
        rows = await session.scalars(select(Transfer).where(Transfer.vendor_id == root.model.id)
                                     .order_by(Transfer.id.desc()).limit(100))
        return [PayoutType(id=encode_id("Payout", t.id),
                           vendor_order_id=encode_id("VendorOrder", t.vendor_order_id),
                           amount=money(t.amount), commission=money(t.commission),
                           reversed=money(t.reversed), status=t.status, created_at=t.created_at)
                for t in rows]


async def vendor_balance(root: VendorType, info: Info) -> BalanceType:
    """Sales, commission, refunds, payouts and what is still owed, from the ledger."""
    if not await can_manage_vendor(info, root.model.id):
        raise PermissionDenied("Only the vendor's staff see its balance.")
    async with info.context.runtime.db.read() as session:
        found = await ledger.balance(session, root.model.id)
    return BalanceType(sales=money(found.sales), commission=money(found.commission),
                       refunded=money(found.refunded), paid_out=money(found.paid_out),
                       owed=money(found.owed),
                       commission_base=info.context.runtime.settings.commission_base.upper())


@strawberry.type
class RefundPayload:
    refund: RefundType | None = None
    errors: list[PaymentError] = strawberry.field(default_factory=list)


@strawberry.type
class OnboardingPayload:
    url: str | None = None
    errors: list[PaymentError] = strawberry.field(default_factory=list)


@strawberry.type
class DummyPaymentPayload:
    order: OrderType | None = None
    errors: list[PaymentError] = strawberry.field(default_factory=list)


@strawberry.type
class CardPaymentPayload:
    order: OrderType | None = None
    payment_action: PaymentActionType | None = strawberry.field(default=None, description=(
        "The card confirmation Stripe.js must still do (client secret); null once paid."))
    errors: list[PaymentError] = strawberry.field(default_factory=list)


def _refund(row: Refund) -> RefundType:
    return RefundType(id=encode_id("Refund", row.id), amount=money(row.amount), status=row.status)


@strawberry.type
class PaymentMutation:
    @strawberry.mutation(description="Refund (part of) a vendor order: its vendor or an "
                                     "operator; never more than was paid for it.")
    async def order_refund(self, info: Info, vendor_order_id: strawberry.ID,
                           amount: Decimal | None = None,
                           line_ids: list[strawberry.ID] | None = None) -> RefundPayload:
        user = await info.context.user()
        done, exc = await attempt(lambda: refunds.refund(info.context.runtime, user,
                                                         refunds.RefundRequest(
            decode_id(vendor_order_id, "VendorOrder", field="vendorOrderId"), amount,
            tuple(decode_id(v, "OrderLine", field=f"lineIds.{i}")
                  for i, v in enumerate(line_ids or [])))))
        return RefundPayload(refund=_refund(done) if done else None, errors=_errors(exc))

    @strawberry.mutation(description="A Stripe Connect onboarding link for your vendor's "
                                     "payouts account (created once).")
    async def vendor_payment_onboarding(self, info: Info) -> OnboardingPayload:
        user = await info.context.user()
        url, exc = await attempt(lambda: onboarding.onboarding_link(info.context.runtime, user))
        return OnboardingPayload(url=url, errors=_errors(exc))

    @strawberry.mutation(description="Demo only: make the dummy payment of your order succeed "
                                     "or fail. Refused in production.")
    async def dummy_payment_confirm(
            self, info: Info, order_id: strawberry.ID, succeed: bool,
            token: Annotated[str | None, strawberry.argument(description=(
                "A guest's order token (checkoutComplete.orderToken); not needed when "
                "signed in as the buyer."))] = None,
    ) -> DummyPaymentPayload:
        user = await info.context.user()
        order, exc = await attempt(lambda: dummy.confirm(
            info.context.runtime, user, decode_id(order_id, "Order", field="orderId"), succeed,
            token))
        if order is None:
            return DummyPaymentPayload(errors=_errors(exc))
        async with info.context.runtime.db.read() as session:
            fresh = await session.get(Order, order.id)
        assert fresh is not None
        return DummyPaymentPayload(order=OrderType.of(fresh, OrderView(full=True, buyer=True)))

    @strawberry.mutation(description=(
        "Your order's card payment as Stripe sees it now: the client secret to confirm the "
        "card with Stripe.js while it is unpaid; once Stripe.js has confirmed it, call again: "
        "Stripe is asked (the browser is not trusted) and the order becomes PAID only if its "
        "PaymentIntent succeeded for the order's amount."))
    async def order_card_payment(
            self, info: Info, order_id: strawberry.ID,
            token: Annotated[str | None, strawberry.argument(description=(
                "A guest's order token (checkoutComplete.orderToken); not needed when "
                "signed in as the buyer."))] = None,
    ) -> CardPaymentPayload:
        user = await info.context.user()
        done, exc = await attempt(lambda: card.check(
            info.context.runtime, user, decode_id(order_id, "Order", field="orderId"), token))
        if done is None:
            return CardPaymentPayload(errors=_errors(exc))
        return CardPaymentPayload(order=OrderType.of(done.order, OrderView(full=True,
                                                                           buyer=True)),
                                  payment_action=PaymentActionType.of(done.action))
