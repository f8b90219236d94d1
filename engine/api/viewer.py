"""What the current viewer may see: cached per request on the context."""

from __future__ import annotations

from engine.api.context import Info
from engine.vendors.loaders import vendor_id_of_user


async def viewer_vendor_id(info: Info) -> int | None:
    """The vendor the signed-in user works for, or None."""
    user = await info.context.user()
    if user is None:
        return None
    return await info.context.loader("vendor_id_of_user", vendor_id_of_user).load(user.id)


async def can_manage_vendor(info: Info, vendor_id: int) -> bool:
    """Operators manage every vendor; staff manage their own."""
    user = await info.context.user()
    if user is None:
        return False
    return user.is_operator or await viewer_vendor_id(info) == vendor_id
