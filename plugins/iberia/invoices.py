"""Issuing invoices for paid vendor orders and credit notes for refunds (idempotent).

Each record is written in its own transaction: it takes the issuer's next chain position and
the next number of its series and year from counter rows (so concurrent issuers queue and
nothing is skipped), links to the previous record's hash and stores its own. Redeliveries
are recognised by ``source_key`` (``paid:<vendor order>:<issuer>``,
``refund:<event>:<invoice>``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Runtime, order_facts
from plugins.iberia import config
from plugins.iberia.core_reads import line_taxes, vendor_party
from plugins.iberia.invoice_chain import GENESIS, record_hash
from plugins.iberia.invoice_content import Draft, invoice_drafts
from plugins.iberia.invoice_credit import credit_content, split
from plugins.iberia.invoice_numbering import (
    SERIES_COMMISSION,
    SERIES_CREDIT,
    SERIES_INVOICE,
    chain_counter,
    code_of,
    next_value,
    number_counter,
)
from plugins.iberia.models import Invoice


async def _store(session: AsyncSession, draft: Draft, *, source_key: str, order_id: int,
                 vendor_order_id: int, buyer_user_id: int | None, issued_at: datetime,
                 rectifies_id: int | None = None) -> Invoice | None:
    if await session.scalar(select(Invoice.id).where(Invoice.source_key == source_key)):
        return None
    series = {"CREDIT_NOTE": SERIES_CREDIT, "COMMISSION": SERIES_COMMISSION}.get(
        draft.kind, SERIES_INVOICE)
    seq = await next_value(session, chain_counter(draft.issuer_key))
    number = await next_value(session, number_counter(draft.issuer_key, series, issued_at.year))
    previous = GENESIS if seq == 1 else await session.scalar(
        select(Invoice.hash).where(Invoice.issuer_key == draft.issuer_key,
                                   Invoice.chain_seq == seq - 1))
    if previous is None:
        raise RuntimeError(f"invoice chain of {draft.issuer_key} lacks record #{seq - 1}")
    totals = draft.content["totals"]
    row = Invoice(issuer_key=draft.issuer_key, chain_seq=seq, series=series,
                  year=issued_at.year, number=number,
                  code=code_of(series, issued_at.year, number), kind=draft.kind,
                  source_key=source_key, order_id=order_id, vendor_order_id=vendor_order_id,
                  vendor_id=draft.vendor_id, buyer_user_id=buyer_user_id,
                  rectifies_id=rectifies_id, issued_at=issued_at.replace(microsecond=0),
                  content=draft.content, total_net=Decimal(totals["net"]),
                  total_tax=Decimal(totals["tax"]), total_gross=Decimal(totals["gross"]),
                  prev_hash=previous, hash="")
    row.hash = record_hash(row)
    session.add(row)
    await session.flush()
    return row


async def _write(runtime: Runtime, draft: Draft, **where: Any) -> Invoice | None:
    try:
        async with runtime.db.write() as session:
            return await _store(session, draft, **where)
    except IntegrityError:  # a concurrent redelivery stored it first; numbers roll back
        return None


async def issue_invoices(runtime: Runtime, order_id: int, occurred_at: datetime) -> int:
    """One invoice per paid vendor order (per issuer); returns how many were issued."""
    settings = config.current()
    async with runtime.db.read() as session:
        order = await order_facts(session, order_id)
        if order is None:
            return 0
        drafts: list[tuple[int, Draft]] = []
        for vo in order.vendor_orders:
            vendor = await vendor_party(session, vo.vendor_id)
            if vendor is None:
                continue
            taxes = await line_taxes(session, [ln.id for ln in vo.lines])
            ship = vo.shipping_tax
            drafts += [(vo.id, d) for d in invoice_drafts(order, vo, taxes, ship, vendor,
                                                          settings, occurred_at)]
    issued = 0
    for vendor_order_id, draft in drafts:
        row = await _write(runtime, draft, source_key=f"paid:{vendor_order_id}:"
                           f"{draft.issuer_key}", order_id=order_id,
                           vendor_order_id=vendor_order_id, buyer_user_id=order.buyer_user_id,
                           issued_at=occurred_at)
        issued += row is not None
    return issued


async def issue_credit_notes(runtime: Runtime, event_id: int, occurred_at: datetime,
                             order_id: int, vendor_order_id: int, amount: str,
                             full: bool) -> int:
    """Credit notes for a refund of ``amount`` (gross EUR) of a vendor order's invoices."""
    await issue_invoices(runtime, order_id, occurred_at)  # a refund may overtake payment
    async with runtime.db.read() as session:
        originals = list(await session.scalars(select(Invoice).where(
            Invoice.vendor_order_id == vendor_order_id, Invoice.kind == "INVOICE")
            .order_by(Invoice.id)))
    shares: list[Decimal | None] = [None] * len(originals) if full else list(split(
        Decimal(amount), [row.total_gross for row in originals]))
    issued = 0
    for original, share in zip(originals, shares, strict=True):
        if share is not None and share <= 0:
            continue
        content = credit_content(original.content, original.code, share,
                                 occurred_at.replace(microsecond=0).isoformat())
        draft = Draft(original.issuer_key, original.vendor_id, "CREDIT_NOTE", content)
        row = await _write(runtime, draft, source_key=f"refund:{event_id}:{original.id}",
                           order_id=order_id, vendor_order_id=vendor_order_id,
                           buyer_user_id=original.buyer_user_id, issued_at=occurred_at,
                           rectifies_id=original.id)
        issued += row is not None
    return issued
