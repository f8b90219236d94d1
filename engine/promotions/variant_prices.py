"""Promoted prices on ``ProductVariant``, for the buyer's place: the price after the best
running promotion, its name, and the lowest price of the 30 days before it started.

Only promotions without a minimum spend are shown on a variant (a minimum depends on the
whole basket, which a catalog read does not know); checkout applies them all. The response
cache is told when the answer changes by itself: when a running promotion ends and when a
covering one starts (``vary_until``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from strawberry.dataloader import DataLoader

from engine.api.context import Info
from engine.db.types import utcnow
from engine.promotions.models import Promotion
from engine.promotions.rules import Candidate, covers, is_running, unit_reduction
from engine.runtime import Runtime
from engine.vendors.loaders import vendors_by_id


def current_promotions(runtime: Runtime) -> DataLoader[int, list[Promotion]]:
    """Per vendor id: its active promotions that have not ended (future ones included)."""
    async def load(vendor_ids: Sequence[int]) -> list[list[Promotion]]:
        found: dict[int, list[Promotion]] = defaultdict(list)
        async with runtime.db.read() as session:
            rows = await session.scalars(select(Promotion).where(
                Promotion.vendor_id.in_(sorted(set(vendor_ids))), Promotion.is_active,
                Promotion.min_subtotal.is_(None),
                or_(Promotion.ends_at.is_(None), Promotion.ends_at > utcnow()))
                .order_by(Promotion.id))
            for row in rows:
                found[row.vendor_id].append(row)
        return [found[v] for v in vendor_ids]

    return DataLoader(load_fn=load)


@dataclass(frozen=True)
class Best:
    promotion: Promotion
    price: Decimal


async def best_promotion(root: Any, info: Info) -> Best | None:
    """The largest running reduction on this variant (lowest id on a tie), and declare
    when that may change."""
    product = root.product
    vendor = await info.context.loader("vendors", vendors_by_id).load(
        (product.vendor_pk, product.language))
    if vendor is None or not vendor[0].has_promotions:
        return None
    promotions = await info.context.loader("current_promotions", current_promotions).load(
        product.vendor_pk)
    line = Candidate(vendor_id=product.vendor_pk, product_id=product.pk,
                     category_id=product.category_pk, unit_price=root.model.price, quantity=1)
    now = utcnow()
    best: Best | None = None
    for promotion in promotions:
        if not covers(promotion, line):
            continue
        if not is_running(promotion, now):
            info.context.vary_until(promotion.starts_at)
            continue
        if promotion.ends_at is not None:
            info.context.vary_until(promotion.ends_at)
        reduction = unit_reduction(promotion, line.unit_price)
        if reduction > 0 and (best is None or line.unit_price - reduction < best.price):
            best = Best(promotion, line.unit_price - reduction)
    return best

