"""A platform-funded voucher on a priced checkout: the platform pays part of each line's
gross (or every vendor's shipping) for the buyer; prices, VAT and vendor totals stay as
they are (VAT Directive 2006/112/EC art. 73: the platform's payment is consideration from
a third party, part of the vendor's taxable amount)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.promotions.voucher_rules import is_platform, platform_parts

if TYPE_CHECKING:
    from engine.checkout.state import CheckoutState


def apply_platform_voucher(state: CheckoutState) -> None:
    voucher = state.voucher
    if voucher is None or not is_platform(voucher):
        return
    if voucher.kind == "FREE_SHIPPING":
        for vendor in state.vendors:
            vendor.platform_shipping = vendor.shipping.gross
        return
    parts = platform_parts(voucher, [line.priced.total.gross for line in state.lines])
    for line, part in zip(state.lines, parts, strict=True):
        line.platform_discount = part
