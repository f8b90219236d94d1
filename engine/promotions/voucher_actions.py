"""``checkoutVoucherApply`` / ``checkoutVoucherRemove``: the checkout side of vouchers."""

from __future__ import annotations

from engine.accounts.models import User
from engine.checkout.models import Checkout
from engine.checkout.service import get_checkout
from engine.promotions.vouchers import apply
from engine.runtime import Runtime


async def apply_code(runtime: Runtime, user: User | None, token: str, code: str) -> Checkout:
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        await apply(session, checkout, code)
    return checkout


async def remove_code(runtime: Runtime, user: User | None, token: str) -> Checkout:
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        checkout.voucher_code = None
    return checkout
