"""The hook of promotions into checkout pricing: each line's reduced unit price.

The reduced price then goes through the usual pricing hooks (``ruta_unit_price``,
``ruta_tax_decision``), so VAT is computed on the discounted base: a vendor promotion is
a price reduction the vendor grants (VAT Directive art. 79(b)), which lowers its taxable
amount, its vendor order total, its commission base and its payout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from engine.db.types import utcnow
from engine.money import TaxedMoney
from engine.promotions.loading import running_for
from engine.promotions.models import Promotion
from engine.promotions.rules import Candidate, best_reductions


@dataclass(frozen=True)
class Reduction:
    promotion: Promotion | None
    per_unit: Decimal


async def reductions(session: AsyncSession, lines: Sequence[Candidate]) -> list[Reduction]:
    """One reduction per line (zero without a promotion): one statement when a vendor of
    the cart runs promotions, none otherwise."""
    now = utcnow()
    promoting = {ln.vendor_id for ln in lines if ln.vendor_promotes}
    promotions = await running_for(session, promoting, now) if promoting else []
    if not promotions:
        return [Reduction(None, Decimal("0.00")) for _ in lines]
    return [Reduction(p, r) for p, r in best_reductions(promotions, lines, now)]


def difference(undiscounted: TaxedMoney, discounted: TaxedMoney) -> TaxedMoney:
    """What a reduction takes off a line, in net, tax and gross."""
    return TaxedMoney(undiscounted.net - discounted.net, undiscounted.tax - discounted.tax,
                      undiscounted.gross - discounted.gross)
