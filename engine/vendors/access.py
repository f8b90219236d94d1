"""Who may act for a vendor. Every permission check about vendors lives here."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.errors import NotAuthenticated, PermissionDenied
from engine.vendors.models import VendorMembership


def require_user(user: User | None) -> User:
    if user is None:
        raise NotAuthenticated()
    return user


def require_operator(user: User | None) -> User:
    user = require_user(user)
    if not user.is_operator:
        raise PermissionDenied("Only operators can do this.")
    return user


async def membership_of(session: AsyncSession, user_id: int) -> VendorMembership | None:
    return await session.scalar(select(VendorMembership).where(VendorMembership.user_id == user_id))


async def require_vendor_staff(
    session: AsyncSession, user: User | None, *, owner: bool = False
) -> VendorMembership:
    """The caller's membership; refuses customers (and staff where ``owner`` is needed)."""
    user = require_user(user)
    membership = await membership_of(session, user.id)
    if membership is None:
        raise PermissionDenied("Only vendor staff can do this.")
    if owner and membership.role != "OWNER":
        raise PermissionDenied("Only the vendor's owner can do this.")
    return membership


async def can_manage_vendor(session: AsyncSession, user: User | None, vendor_id: int) -> bool:
    if user is None:
        return False
    if user.is_operator:
        return True
    membership = await membership_of(session, user.id)
    return membership is not None and membership.vendor_id == vendor_id
