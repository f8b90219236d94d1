"""Reading the promotions a set of vendors runs now: one statement for any cart."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.promotions.models import Promotion


async def running_for(session: AsyncSession, vendor_ids: Collection[int], now: datetime
                      ) -> list[Promotion]:
    if not vendor_ids:
        return []
    rows = await session.scalars(select(Promotion).where(
        Promotion.vendor_id.in_(sorted(vendor_ids)), Promotion.is_active,
        Promotion.starts_at <= now, or_(Promotion.ends_at.is_(None), Promotion.ends_at > now))
        .order_by(Promotion.id))
    return list(rows)
