"""``Vendor.salesByDay``: a vendor's paid sales and refunds per local day, from the ledger.

Every day of the period is listed (zeros included), oldest first, in the time zone asked
for (an IANA name; days start at local midnight), so a chart needs no gaps filled.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.money_types import MoneyType, money
from engine.api.viewer import can_manage_vendor
from engine.db.types import utcnow
from engine.errors import PermissionDenied, ValidationError
from engine.money import quantize
from engine.payments.models import LedgerEntry
from engine.vendors.types import VendorType

MAX_DAYS = 366


@strawberry.type(name="DailySales", description="One local day of a vendor's sales.")
class DailySalesType:
    date: date
    sales: MoneyType = strawberry.field(description="Paid sales (gross) recorded that day.")
    refunded: MoneyType = strawberry.field(description="Refunds recorded that day.")


async def vendor_sales_by_day(root: VendorType, info: Info, days: int = 30,
                              time_zone: str = "Europe/Madrid") -> list[DailySalesType]:
    """Paid sales and refunds per day for the last ``days`` days (1-366) up to today, in
    ``timeZone`` (its staff and operators)."""
    if not await can_manage_vendor(info, root.model.id):
        raise PermissionDenied("Only the vendor's staff see its sales.")
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError("days", "INVALID", f"Ask for 1 to {MAX_DAYS} days.")
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError("timeZone", "INVALID", "Unknown time zone.") from exc
    today = utcnow().astimezone(zone).date()
    first = today - timedelta(days=days - 1)
    since = datetime.combine(first, time.min, tzinfo=zone)
    totals: dict[tuple[date, str], Decimal] = defaultdict(Decimal)
    async with info.context.runtime.db.read() as session:
        rows = await session.execute(
            select(LedgerEntry.created_at, LedgerEntry.kind, LedgerEntry.amount).where(
                LedgerEntry.vendor_id == root.model.id, LedgerEntry.created_at >= since,
                LedgerEntry.kind.in_(("CHARGE", "REFUND"))))
        for created_at, kind, amount in rows:
            totals[(created_at.astimezone(zone).date(), kind)] += amount
    return [DailySalesType(date=day, sales=money(quantize(totals[(day, "CHARGE")])),
                           refunded=money(quantize(totals[(day, "REFUND")])))
            for day in (first + timedelta(days=n) for n in range(days))]
