"""The per-vendor-order ledger and the platform commission (rounded once, half-up)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.money import quantize
from engine.payments.models import LedgerEntry

#: How each kind moves the vendor's balance (what the platform owes the vendor).
#: ``PLATFORM_FUNDING`` is the part of a CHARGE a platform-funded voucher paid instead of the
#: buyer (the vendor is owed it all the same: it moves nothing); ``PLATFORM_FUNDING_REFUND``
#: is that part given back to the platform when the line is refunded.
SIGN = {"CHARGE": 1, "COMMISSION": -1, "REFUND": -1, "COMMISSION_REFUND": 1, "TRANSFER": -1,
        "REVERSAL": 1, "PLATFORM_FUNDING": 0, "PLATFORM_FUNDING_REFUND": -1}


def split(total: Decimal, rate: Decimal) -> tuple[Decimal, Decimal]:
    """(commission, vendor share) of a vendor order total; they add up to the total."""
    commission = quantize(total * rate)
    return commission, total - commission


def commission_on(base: Decimal, rate: Decimal) -> Decimal:
    """The commission on ``base``: the vendor order's net (``RUTA_COMMISSION_BASE=net``,
    the default) or gross amount, rounded once, half-up."""
    return quantize(base * rate)


async def add(session: AsyncSession, vendor_order_id: int, vendor_id: int, kind: str,
              amount: Decimal, reference: str | None = None) -> None:
    if kind not in SIGN:
        raise ValueError(f"unknown ledger kind {kind}")
    if amount:
        session.add(LedgerEntry(vendor_order_id=vendor_order_id, vendor_id=vendor_id, kind=kind,
                                amount=quantize(amount), reference=reference))


async def has(session: AsyncSession, vendor_order_id: int, kind: str) -> bool:
    return await session.scalar(select(LedgerEntry.id).where(
        LedgerEntry.vendor_order_id == vendor_order_id, LedgerEntry.kind == kind).limit(1)
    ) is not None


@dataclass(frozen=True)
class Balance:
    sales: Decimal
    commission: Decimal
    refunded: Decimal
    paid_out: Decimal
    owed: Decimal


async def balance(session: AsyncSession, vendor_id: int) -> Balance:
    sums = await session.execute(
        select(LedgerEntry.kind, func.sum(LedgerEntry.amount))  # typed: Decimal euros
        .where(LedgerEntry.vendor_id == vendor_id).group_by(LedgerEntry.kind))
    found = {kind: amount for kind, amount in sums}
    total = {kind: Decimal(found.get(kind) or 0) for kind in SIGN}
    owed = sum((SIGN[k] * v for k, v in total.items()), Decimal("0"))
    return Balance(sales=quantize(total["CHARGE"]),
                   commission=quantize(total["COMMISSION"] - total["COMMISSION_REFUND"]),
                   refunded=quantize(total["REFUND"] + total["PLATFORM_FUNDING_REFUND"]),
                   paid_out=quantize(total["TRANSFER"] - total["REVERSAL"]),
                   owed=quantize(owed))
