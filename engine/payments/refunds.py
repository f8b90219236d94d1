"""Refunds of a vendor order: never more than was paid for it, even when two race.

1. In a transaction that locks the vendor order (``FOR UPDATE`` / ``BEGIN IMMEDIATE``), check
   the amount against what is left and record a PENDING refund (it counts at once).
2. After commit, refund the card through Stripe (idempotency key per refund) and reverse
   the vendor's transfer by its share (the platform gives back its commission share).
3. Record the outcome: SUCCEEDED with ledger entries and statuses, or FAILED (the amount is
   free again). ``ruta_order_refunded`` runs after commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.errors import Collector, NotFound, PermissionDenied, ValidationError
from engine.events.outbox import record
from engine.money import has_cent_precision, quantize
from engine.orders.models import Order, OrderLine, VendorOrder
from engine.payments import ledger, refunded_lines, stripe_api
from engine.payments.models import Payment, Refund, Transfer
from engine.payments.platform_funding import platform_part
from engine.runtime import Runtime
from engine.vendors.access import require_user, require_vendor_staff

REFUNDABLE = ("PAID", "ACCEPTED", "FULFILLED", "COMPLETED", "PARTIALLY_REFUNDED", "CANCELLED")


@dataclass(frozen=True)
class RefundRequest:
    vendor_order_id: int
    amount: Decimal | None = None
    line_ids: tuple[int, ...] = ()


async def _reserve(runtime: Runtime, user: User | None, req: RefundRequest, *,
                   platform: bool = False) -> Refund:
    """``platform``: the engine itself refunds (a paid order was cancelled)."""
    if not platform:
        user = require_user(user)
    async with runtime.transaction() as session:
        vendor_order = await session.get(VendorOrder, req.vendor_order_id, with_for_update=True)
        if user is not None and not user.is_operator and not platform:
            membership = await require_vendor_staff(session, user)
            if vendor_order is not None and vendor_order.vendor_id != membership.vendor_id:
                raise PermissionDenied("You can only refund your own vendor's orders.")
        if vendor_order is None:
            raise NotFound("vendorOrderId", "Vendor order not found.")
        order = await session.get(Order, vendor_order.order_id)
        assert order is not None
        if vendor_order.status not in REFUNDABLE or order.paid_at is None:
            raise ValidationError("vendorOrderId", "INVALID_STATUS", "Nothing was paid here.")
        taken = await session.scalar(select(func.sum(Refund.amount)).where(
            Refund.vendor_order_id == vendor_order.id, Refund.status != "FAILED"))
        left = vendor_order.amount_paid - (taken or Decimal("0"))
        amount, lines = await _amount(session, req, vendor_order, left)
        if amount > left:
            raise ValidationError("amount", "OVER_REFUND",
                                  f"At most {left} EUR is left to refund on this order.")
        refund = Refund(vendor_order_id=vendor_order.id, amount=amount,
                        requested_by=user.id if user is not None else None,
                        platform_part=await platform_part(session, vendor_order, amount,
                                                          req.line_ids))
        session.add(refund)
        if not req.line_ids and amount == left:  # all that is left: every line still kept
            lines = [line for line in await session.scalars(select(OrderLine).where(
                OrderLine.vendor_order_id == vendor_order.id,
                ~refunded_lines.is_refunded(OrderLine.id)))]
        await refunded_lines.record(session, refund, lines)
    return refund


async def _amount(session: AsyncSession, req: RefundRequest, vendor_order: VendorOrder,
                  left: Decimal) -> tuple[Decimal, list[OrderLine]]:
    """The amount to refund and the lines it gives back whole (those of ``lineIds``)."""
    errors = Collector()
    lines: list[OrderLine] = []
    if req.line_ids:
        lines = list(await session.scalars(select(OrderLine).where(
            OrderLine.id.in_(req.line_ids), OrderLine.vendor_order_id == vendor_order.id)))
        if len(lines) != len(set(req.line_ids)):
            errors.add("lineIds", "NOT_FOUND", "Those lines are not in this vendor order.")
        elif await refunded_lines.refunded_ids(session, [line.id for line in lines]):
            errors.add("lineIds", "ALREADY_REFUNDED", "One of these lines was already refunded.")
        # what the buyer paid for them: a platform-funded voucher's part is not theirs
        amount = sum((line.total_gross - line.platform_discount for line in lines),
                     Decimal("0"))
    else:
        amount = req.amount if req.amount is not None else left
    if req.amount is not None and (req.amount <= 0 or not has_cent_precision(req.amount)):
        errors.add("amount", "INVALID", "Refund a positive amount with at most 2 decimals.")
    errors.raise_if_any()
    if amount <= 0:
        raise ValidationError("amount", "OVER_REFUND", "Nothing is left to refund.")
    return quantize(amount), lines


@dataclass(frozen=True)
class Settled:
    """What happened outside the database for one refund."""

    stripe_refund_id: str | None
    transfer: Transfer | None
    commission_share: Decimal
    vendor_part: Decimal
    reversal_id: str | None = None
    reversed: Decimal = Decimal("0")
    #: The platform-funded part of what is refunded, given back to the platform.
    funding_back: Decimal = Decimal("0")


async def _settle(runtime: Runtime, refund: Refund) -> Settled:
    """Refund the card (Stripe orders) and take the vendor's part back from a sent transfer;
    raises on a Stripe error (the caller marks the refund FAILED)."""
    async with runtime.db.read() as session:
        vendor_order = await session.get(VendorOrder, refund.vendor_order_id)
        assert vendor_order is not None
        payment = await session.scalar(select(Payment).where(
            Payment.order_id == vendor_order.order_id, Payment.status == "SUCCEEDED"))
        transfer = await session.scalar(select(Transfer).where(
            Transfer.vendor_order_id == vendor_order.id))
    await runtime.db.release()  # no connection held across the Stripe calls
    funding = refund.platform_part
    share = Decimal("0")
    if transfer is not None and vendor_order.total_gross:
        share = quantize((refund.amount + funding) * transfer.commission
                         / vendor_order.total_gross)
    vendor_part = refund.amount + funding - share
    if payment is None or payment.gateway != "stripe" or not payment.intent_id:
        return Settled(None, transfer, share, vendor_part, funding_back=funding)
    done = await stripe_api.refund(runtime.settings, refund_id=refund.id,
                                   intent_id=payment.intent_id, amount=refund.amount)
    if transfer is None or transfer.status != "SENT" or not transfer.stripe_transfer_id:
        return Settled(str(done.id), transfer, share, vendor_part, funding_back=funding)
    part = min(vendor_part, transfer.amount - transfer.reversed)
    reversal = await stripe_api.reverse(runtime.settings, refund_id=refund.id,
                                        transfer_id=transfer.stripe_transfer_id, amount=part)
    return Settled(str(done.id), transfer, share, vendor_part, str(reversal.id), part,
                   funding)


async def refund(runtime: Runtime, user: User | None, req: RefundRequest, *,
                 platform: bool = False) -> Refund:
    pending = await _reserve(runtime, user, req, platform=platform)
    try:
        settled = await _settle(runtime, pending)
    except Exception as exc:
        async with runtime.transaction() as session:
            await session.execute(update(Refund).where(Refund.id == pending.id)
                                  .values(status="FAILED", error=str(exc)[:500]))
        raise ValidationError("amount", "REFUND_FAILED",
                              "The payment provider refused the refund; nothing was refunded."
                              ) from exc
    await _record(runtime, pending, settled)
    pending.status, pending.stripe_refund_id = "SUCCEEDED", settled.stripe_refund_id
    return pending


async def _record(runtime: Runtime, pending: Refund, settled: Settled) -> None:
    async with runtime.transaction() as session:
        vendor_order = await session.get(VendorOrder, pending.vendor_order_id,
                                         with_for_update=True)
        assert vendor_order is not None
        vendor_id = vendor_order.vendor_id
        await ledger.add(session, vendor_order.id, vendor_id, "REFUND", pending.amount,
                         settled.stripe_refund_id)
        await ledger.add(session, vendor_order.id, vendor_id, "COMMISSION_REFUND",
                         settled.commission_share)
        await ledger.add(session, vendor_order.id, vendor_id, "PLATFORM_FUNDING_REFUND",
                         settled.funding_back)
        transfer = settled.transfer
        if settled.reversal_id is not None and transfer is not None:
            await session.execute(update(Transfer).where(Transfer.id == transfer.id)
                                  .values(reversed=Transfer.reversed + settled.reversed))
            await ledger.add(session, vendor_order.id, vendor_id, "REVERSAL", settled.reversed,
                             settled.reversal_id)
        elif transfer is not None:  # not sent yet: send less
            await session.execute(update(Transfer).where(
                Transfer.id == transfer.id, Transfer.status == "PENDING").values(
                amount=Transfer.amount - min(settled.vendor_part, transfer.amount)))
        await session.execute(update(Refund).where(Refund.id == pending.id).values(
            status="SUCCEEDED", stripe_refund_id=settled.stripe_refund_id))
        await session.execute(update(Payment).where(
            Payment.order_id == vendor_order.order_id, Payment.status == "SUCCEEDED")
            .values(refunded=Payment.refunded + pending.amount))
        refunded = await session.scalar(select(func.sum(Refund.amount)).where(
            Refund.vendor_order_id == vendor_order.id, Refund.status == "SUCCEEDED"))
        full = (refunded or 0) >= vendor_order.amount_paid  # includes this refund
        await _statuses(session, vendor_order, full)
        await record(session, runtime.plugins, "ruta_order_refunded",
                     order_id=vendor_order.order_id, vendor_order_id=vendor_order.id,
                     amount=str(pending.amount), full=full)


async def _statuses(session: AsyncSession, vendor_order: VendorOrder, full: bool) -> None:
    if vendor_order.status != "CANCELLED":
        vendor_order.status = "REFUNDED" if full else "PARTIALLY_REFUNDED"
    order = await session.get(Order, vendor_order.order_id)
    if order is not None and order.status != "CANCELLED":
        await session.flush()
        statuses = set(await session.scalars(
            select(VendorOrder.status).where(VendorOrder.order_id == order.id)))
        order.status = "REFUNDED" if statuses == {"REFUNDED"} else "PARTIALLY_REFUNDED"


async def refund_cancelled_order(runtime: Runtime, order_id: int) -> int:
    """Refund whatever is left of every vendor order of a cancelled, paid order."""
    async with runtime.db.read() as session:
        order = await session.get(Order, order_id)
        if order is None or order.paid_at is None:
            return 0
        ids = list(await session.scalars(select(VendorOrder.id).where(
            VendorOrder.order_id == order_id).order_by(VendorOrder.id)))
    done = 0
    for vendor_order_id in ids:
        try:
            await refund(runtime, None, RefundRequest(vendor_order_id), platform=True)
            done += 1
        except ValidationError as exc:
            if exc.errors[0].code != "OVER_REFUND":  # fully refunded already: fine
                raise
    return done
