"""The rules of vendor promotions, one function each. Pure: no database.

- A promotion applies to a line when it is the line's vendor's, active, started and not
  ended, and the product is among its products or categories (or it names neither: the
  vendor's whole catalog).
- Its minimum is met by the undiscounted amount of the buyer's lines it covers.
- Promotions never combine: a line gets the single largest reduction (the lowest id on a
  tie), so the buyer always pays the lowest promoted price.
- A reduction is per unit, rounded half-up to cents, never below a zero price.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from engine.money import quantize
from engine.promotions.models import Promotion


@dataclass(frozen=True)
class Candidate:
    """What the rules look at of one checkout line."""

    vendor_id: int
    product_id: int
    category_id: int | None
    unit_price: Decimal
    quantity: int
    #: The vendor runs promotions at all (``Vendor.has_promotions``).
    vendor_promotes: bool = True


def is_running(promotion: Promotion, now: datetime) -> bool:
    return promotion.is_active and promotion.starts_at <= now and (
        promotion.ends_at is None or now < promotion.ends_at)


def covers(promotion: Promotion, line: Candidate) -> bool:
    if promotion.vendor_id != line.vendor_id:
        return False
    products, categories = promotion.product_ids or [], promotion.category_ids or []
    if not products and not categories:
        return True
    return line.product_id in products or (
        line.category_id is not None and line.category_id in categories)


def unit_reduction(promotion: Promotion, unit_price: Decimal) -> Decimal:
    if promotion.kind == "PERCENTAGE":
        reduction = quantize(unit_price * promotion.value / 100)
    else:
        reduction = promotion.value
    return min(reduction, unit_price)


def meets_minimum(promotion: Promotion, lines: Iterable[Candidate]) -> bool:
    if promotion.min_subtotal is None:
        return True
    spent = sum((ln.unit_price * ln.quantity for ln in lines if covers(promotion, ln)),
                Decimal("0"))
    return spent >= promotion.min_subtotal


def best_reductions(promotions: Sequence[Promotion], lines: Sequence[Candidate],
                    now: datetime) -> list[tuple[Promotion | None, Decimal]]:
    """For each line, the promotion that applies (or None) and its reduction per unit."""
    usable = [p for p in promotions if is_running(p, now) and meets_minimum(p, lines)]
    chosen: list[tuple[Promotion | None, Decimal]] = []
    for line in lines:
        best: tuple[Promotion | None, Decimal] = (None, Decimal("0.00"))
        for promotion in sorted(usable, key=lambda p: p.id):
            if covers(promotion, line):
                reduction = unit_reduction(promotion, line.unit_price)
                if reduction > best[1]:
                    best = (promotion, reduction)
        chosen.append(best)
    return chosen
