"""Paying vendors: one Transfer per paid vendor order (its total minus the commission),
sent to the vendor's connected account once payouts are enabled, with an idempotency key.

Created by the payments plugin's ``ruta_order_paid`` (after commit, retried by the outbox)
and retried by ``ruta_tick`` while a vendor's payouts are not enabled yet.
"""

from __future__ import annotations

import logging

from sqlalchemy import select, update

from engine.events.outbox import record as record_event
from engine.orders.models import Order, VendorOrder
from engine.payments import ledger, stripe_api
from engine.payments.models import Transfer, VendorAccount
from engine.runtime import Runtime
from engine.vendors.models import Vendor

log = logging.getLogger(__name__)


async def record_sale(runtime: Runtime, order_id: int) -> list[int]:
    """Ledger CHARGE/COMMISSION and a PENDING transfer per vendor order (idempotent)."""
    created = []
    async with runtime.transaction() as session:
        order = await session.get(Order, order_id)
        if order is None:
            return []
        rows = (await session.execute(
            select(VendorOrder, Vendor).join(Vendor, Vendor.id == VendorOrder.vendor_id)
            .where(VendorOrder.order_id == order_id).order_by(VendorOrder.id))).all()
        for vendor_order, vendor in rows:
            if await ledger.has(session, vendor_order.id, "CHARGE"):
                continue
            base = vendor_order.total_net if runtime.settings.commission_base == "net" \
                else vendor_order.total_gross
            commission = ledger.commission_on(base, vendor.commission_rate)
            share = vendor_order.total_gross - commission
            await ledger.add(session, vendor_order.id, vendor.id, "CHARGE",
                             vendor_order.total_gross, f"order-{order.number}")
            await ledger.add(session, vendor_order.id, vendor.id, "COMMISSION", commission)
            await ledger.add(session, vendor_order.id, vendor.id, "PLATFORM_FUNDING",
                             vendor_order.platform_discount)
            if order.payment_gateway == "stripe":
                transfer = Transfer(vendor_order_id=vendor_order.id, vendor_id=vendor.id,
                                    amount=share, commission=commission)
                session.add(transfer)
                await session.flush()
                created.append(transfer.id)
    return created


async def send(runtime: Runtime, transfer_id: int) -> bool:
    """Send one PENDING transfer if the vendor can receive payouts. True when sent."""
    async with runtime.transaction() as session:
        row = (await session.execute(
            select(Transfer, VendorAccount, Order.number)
            .join(VendorAccount, VendorAccount.vendor_id == Transfer.vendor_id)
            .join(VendorOrder, VendorOrder.id == Transfer.vendor_order_id)
            .join(Order, Order.id == VendorOrder.order_id)
            .where(Transfer.id == transfer_id))).first()
        if row is None or not row[1].payouts_enabled or row[0].status != "PENDING":
            return False
        claimed = await session.execute(
            update(Transfer).where(Transfer.id == transfer_id, Transfer.status == "PENDING")
            .values(status="SENDING", attempts=Transfer.attempts + 1))
        if getattr(claimed, "rowcount", 0) != 1:
            return False
        transfer, account, number = row
    try:
        sent = await stripe_api.transfer(runtime.settings, transfer_id=transfer.id,
                                         account=account.stripe_account_id,
                                         amount=transfer.amount, group=str(number))
    except Exception as exc:
        async with runtime.transaction() as session:
            await session.execute(update(Transfer).where(Transfer.id == transfer_id)
                                  .values(status="PENDING", error=str(exc)[:500]))
        raise
    async with runtime.transaction() as session:
        await session.execute(update(Transfer).where(Transfer.id == transfer_id)
                              .values(status="SENT", stripe_transfer_id=sent.id, error=None))
        await ledger.add(session, transfer.vendor_order_id, transfer.vendor_id, "TRANSFER",
                         transfer.amount, sent.id)
        await record_event(session, runtime.plugins, "ruta_payout_sent", transfer_id=transfer.id,
                           vendor_id=transfer.vendor_id, vendor_order_id=transfer.vendor_order_id,
                           amount=str(transfer.amount))
    return True


async def send_waiting(runtime: Runtime) -> int:
    """Send every PENDING transfer whose vendor can now receive payouts."""
    async with runtime.db.read() as session:
        ids = list(await session.scalars(
            select(Transfer.id).join(VendorAccount, VendorAccount.vendor_id == Transfer.vendor_id)
            .where(Transfer.status == "PENDING", VendorAccount.payouts_enabled)
            .order_by(Transfer.id).limit(50)))
    sent = 0
    for transfer_id in ids:
        try:
            sent += await send(runtime, transfer_id)
        except Exception:
            log.exception("transfer %s failed; retried later", transfer_id)
    return sent
