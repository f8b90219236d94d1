"""Listing and ending vouchers: a vendor's staff see and end their vendor's vouchers,
operators the platform's (and any vendor's, to read)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from engine.accounts.models import User
from engine.errors import NotFound, PermissionDenied
from engine.promotions.models import Voucher
from engine.runtime import Runtime
from engine.vendors.access import membership_of, require_operator, require_user


async def platform_vouchers(runtime: Runtime, user: User | None) -> Sequence[Voucher]:
    require_operator(user)
    async with runtime.db.read() as session:
        return list(await session.scalars(select(Voucher).where(Voucher.vendor_id.is_(None))
                                          .order_by(Voucher.id.desc())))


async def vendor_vouchers(runtime: Runtime, vendor_id: int) -> Sequence[Voucher]:
    """The caller has checked the viewer may manage ``vendor_id``."""
    async with runtime.db.read() as session:
        return list(await session.scalars(select(Voucher).where(Voucher.vendor_id == vendor_id)
                                          .order_by(Voucher.id.desc())))


async def end(runtime: Runtime, user: User | None, voucher_id: int) -> Voucher:
    """Stop a voucher now: no new checkout gets it and checkouts holding it are refused at
    completion (``VOUCHER_USED_UP``) as for any code no longer valid."""
    user = require_user(user)
    async with runtime.transaction() as session:
        voucher = await session.get(Voucher, voucher_id, with_for_update=True)
        if voucher is None:
            raise NotFound("id", "Voucher not found.")
        if voucher.vendor_id is None:
            require_operator(user)
        else:
            membership = await membership_of(session, user.id)
            if membership is None or membership.vendor_id != voucher.vendor_id:
                raise PermissionDenied("You can only end your own vendor's vouchers.")
        voucher.is_active = False
    return voucher
