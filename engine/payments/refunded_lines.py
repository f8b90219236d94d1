"""Which order lines a refund gave back: a line counts as refunded while a refund that
names it is not FAILED (PENDING counts at once, as its amount does)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from engine.orders.models import OrderLine
from engine.payments.models import Refund, RefundLine


def is_refunded(line_id: InstrumentedAttribute[int] | ColumnElement[int] | int
                ) -> ColumnElement[bool]:
    """A SQL condition: the order line ``line_id`` was given back by a live refund."""
    return exists().where(RefundLine.order_line_id == line_id,
                          RefundLine.refund_id == Refund.id, Refund.status != "FAILED")


async def refunded_ids(session: AsyncSession, line_ids: Sequence[int]) -> set[int]:
    """Those of ``line_ids`` already refunded."""
    if not line_ids:
        return set()
    return set(await session.scalars(
        select(RefundLine.order_line_id).join(Refund, Refund.id == RefundLine.refund_id)
        .where(RefundLine.order_line_id.in_(line_ids), Refund.status != "FAILED")))


async def record(session: AsyncSession, refund: Refund, lines: Sequence[OrderLine]) -> None:
    """Note ``lines`` as given back whole by ``refund`` (flushed, so it has an id)."""
    await session.flush()
    session.add_all(RefundLine(refund_id=refund.id, order_line_id=line.id,
                               quantity=line.quantity) for line in lines)
