"""What a voucher takes off, by kind and by who funds it.

- **Vendor-funded** (``vendor_id`` set), on that vendor's lines only, after its promotions.
  It is a price reduction the vendor grants, so it lowers the vendor's taxable amount (VAT
  Directive 2006/112/EC art. 79(b)): it is taken off the unit prices before tax.
  ``PERCENTAGE``: that percent of each promoted unit price. ``FIXED``: that many euros off
  the vendor's lines together (never more than they cost), spread in proportion to their
  value, per unit in whole cents; a remainder no unit can carry evenly goes to a line of
  quantity 1 (with none, the buyer gets at most a few cents less than the face value).
  ``FREE_SHIPPING``: the vendor charges no shipping.
- **Platform-funded** (``vendor_id`` NULL), on every line: the platform pays part of the
  price for the buyer. That payment is consideration from a third party (art. 73), so the
  vendor's taxable amount, invoice, vendor order total, commission base and payout stay
  on the undiscounted price; only what the buyer is charged goes down (``platform`` parts
  of the gross). ``PERCENTAGE`` of each line's gross; ``FIXED`` euros over all lines in
  proportion; ``FREE_SHIPPING`` pays every vendor's shipping.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from engine.catalog.pricing import shares
from engine.money import quantize
from engine.promotions.models import Voucher

ZERO = Decimal("0.00")
CENTS = Decimal(100)


def is_platform(voucher: Voucher | None) -> bool:
    return voucher is not None and voucher.vendor_id is None


def frees_shipping(voucher: Voucher | None, vendor_id: int) -> bool:
    """True when a vendor-funded free-shipping voucher of this vendor applies."""
    return voucher is not None and voucher.kind == "FREE_SHIPPING" and \
        voucher.vendor_id == vendor_id


def vendor_per_unit(voucher: Voucher, prices: Sequence[Decimal], quantities: Sequence[int]
                    ) -> list[Decimal]:
    """Extra reduction per unit on each of the funding vendor's lines (promoted prices)."""
    if voucher.kind == "PERCENTAGE":
        return [quantize(price * voucher.value / 100) for price in prices]
    if voucher.kind != "FIXED":
        return [ZERO for _ in prices]
    values = [price * qty for price, qty in zip(prices, quantities, strict=True)]
    amount = min(voucher.value, sum(values, ZERO))
    cents = [int(share * CENTS) for share in shares(amount, values)] if values else []
    units = [c // qty if qty else 0 for c, qty in zip(cents, quantities, strict=True)]
    left = int(amount * CENTS) - sum(u * q for u, q in zip(units, quantities, strict=True))
    for index, qty in enumerate(quantities):
        if left and qty == 1 and int(prices[index] * CENTS) - units[index] >= left:
            units[index] += left
            left = 0
    return [min(Decimal(u) / CENTS, price) for u, price in zip(units, prices, strict=True)]


def platform_parts(voucher: Voucher, grosses: Sequence[Decimal]) -> list[Decimal]:
    """What the platform pays of each line's gross (``FREE_SHIPPING``: nothing on lines)."""
    if voucher.kind == "PERCENTAGE":
        return [quantize(gross * voucher.value / 100) for gross in grosses]
    if voucher.kind == "FIXED" and grosses:
        return shares(min(voucher.value, sum(grosses, ZERO)), list(grosses))
    return [ZERO for _ in grosses]
