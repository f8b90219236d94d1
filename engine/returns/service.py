"""Return requests: the buyer asks within ``WITHDRAWAL_DAYS`` of delivery (the day the part
was shipped, or paid when nothing ships); the vendor's staff approve, which refunds what is
left of that vendor order through the core refund (``engine.payments.refunds``), or refuse
with a note. One open request per vendor order; a decision is taken once."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from engine.accounts.models import User
from engine.db.types import utcnow
from engine.errors import Collector, NotFound, ValidationError
from engine.input_rules import clean_text
from engine.orders.models import Order, VendorOrder
from engine.payments import refunds
from engine.returns.models import ReturnRequest
from engine.runtime import Runtime
from engine.vendors.access import can_manage_vendor, require_user

#: The EU's 14-day right of withdrawal (Directive 2011/83/EU, art. 9).
WITHDRAWAL_DAYS = 14
RETURNABLE = ("PAID", "ACCEPTED", "FULFILLED", "COMPLETED", "PARTIALLY_REFUNDED")
TEXT_MAX = 1000


def period_end(vendor_order: VendorOrder, order: Order) -> datetime | None:
    start = vendor_order.fulfilled_at or order.paid_at
    return start + timedelta(days=WITHDRAWAL_DAYS) if start is not None else None


async def request(runtime: Runtime, user: User | None, vendor_order_id: int, reason: str,
                  *, now: datetime | None = None) -> ReturnRequest:
    user = require_user(user)
    errors = Collector()
    cleaned = clean_text(errors, "reason", reason, max_length=TEXT_MAX, min_length=3,
                         multiline=True)
    errors.raise_if_any()
    async with runtime.transaction() as session:
        vendor_order = await session.get(VendorOrder, vendor_order_id)
        order = await session.get(Order, vendor_order.order_id) if vendor_order else None
        if vendor_order is None or order is None or order.user_id != user.id:
            raise NotFound("vendorOrderId", "Order not found.")
        end = period_end(vendor_order, order)
        if vendor_order.status not in RETURNABLE or end is None:
            raise ValidationError("vendorOrderId", "INVALID_STATUS",
                                  "This order cannot be returned.")
        if (now or utcnow()) > end:
            raise ValidationError("vendorOrderId", "PERIOD_OVER",
                                  "The 14-day withdrawal period is over.")
        row = ReturnRequest(vendor_order_id=vendor_order.id, vendor_id=vendor_order.vendor_id,
                            user_id=user.id, reason=cleaned or "", status="REQUESTED",
                            vendor_note="")
        session.add(row)
        try:
            await session.flush()
        except IntegrityError:
            raise ValidationError("vendorOrderId", "DUPLICATED",
                                  "A return of this order is already waiting.") from None
    return row


async def decide(runtime: Runtime, user: User | None, request_id: int, approve: bool,
                 note: str) -> ReturnRequest:
    """Approve (refund the rest of the vendor order) or refuse (a note is required)."""
    user = require_user(user)
    errors = Collector()
    cleaned = clean_text(errors, "note", note, max_length=TEXT_MAX, required=not approve,
                         multiline=True) or ""
    errors.raise_if_any()
    async with runtime.db.read() as session:
        row = await session.get(ReturnRequest, request_id)
        if row is None or not await can_manage_vendor(session, user, row.vendor_id):
            raise NotFound("id", "Return request not found.")
    status = "APPROVED" if approve else "REFUSED"
    async with runtime.transaction() as session:
        taken = await session.execute(update(ReturnRequest).where(
            ReturnRequest.id == request_id, ReturnRequest.status == "REQUESTED").values(
            status=status, vendor_note=cleaned, decided_at=utcnow()))
        if getattr(taken, "rowcount", 0) != 1:
            raise ValidationError("id", "INVALID_STATUS", "This return was already decided.")
    if approve:
        try:
            await refunds.refund(runtime, user, refunds.RefundRequest(row.vendor_order_id))
        except ValidationError:
            async with runtime.transaction() as session:  # nothing refunded: still open
                await session.execute(update(ReturnRequest).where(
                    ReturnRequest.id == request_id).values(status="REQUESTED", vendor_note="",
                                                           decided_at=None))
            raise
    async with runtime.db.read() as session:
        fresh = await session.scalar(select(ReturnRequest).where(ReturnRequest.id == request_id))
    assert fresh is not None
    return fresh
