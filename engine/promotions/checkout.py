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
from engine.promotions.models import Promotion, Voucher
from engine.promotions.rules import Candidate, best_reductions
from engine.promotions.voucher_rules import vendor_per_unit
from engine.promotions.vouchers import find, usable


@dataclass(frozen=True)
class Reduction:
    promotion: Promotion | None
    per_unit: Decimal
    #: The checkout's voucher when it applies to this line (a vendor-funded one's part is
    #: in ``per_unit``; a platform-funded one's is priced after tax, in ``LineState``).
    voucher: Voucher | None = None


async def with_voucher(session: AsyncSession, lines: Sequence[Candidate], code: str | None
                       ) -> tuple[list[Reduction], Voucher | None]:
    """Promotions, then the checkout's voucher (one more statement, only with a code).
    A vendor-funded voucher lowers the unit prices of its vendor's lines here; a
    platform-funded one leaves prices alone (see ``voucher_rules.platform_parts``)."""
    found = await reductions(session, lines)
    voucher = await find(session, code) if code else None
    if voucher is None or not usable(voucher, utcnow()):
        return found, None
    if voucher.vendor_id is None:
        return [Reduction(r.promotion, r.per_unit, voucher) for r in found], voucher
    own = [i for i, line in enumerate(lines) if line.vendor_id == voucher.vendor_id]
    extra = vendor_per_unit(voucher, [lines[i].unit_price - found[i].per_unit for i in own],
                            [lines[i].quantity for i in own])
    out = [Reduction(r.promotion, r.per_unit) for r in found]
    for index, more in zip(own, extra, strict=True):
        out[index] = Reduction(found[index].promotion, found[index].per_unit + more, voucher)
    return out, voucher


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
