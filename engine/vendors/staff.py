"""Vendor staff by invitation: an approved vendor's owner invites an e-mail address, the
account signed in with that address accepts. Nobody is attached without consent.

The owner gets the same answer whether or not an account uses the address (no account
enumeration), and operators are never attached to a vendor: an operator cannot accept.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.db.types import utcnow
from engine.errors import Collector, NotFound, PermissionDenied, ValidationError
from engine.input_rules import clean_email
from engine.runtime import Runtime
from engine.vendors.access import membership_of, require_user, require_vendor_staff
from engine.vendors.models import Vendor, VendorInvitation, VendorMembership


async def invite(runtime: Runtime, user: User | None, email: str) -> VendorInvitation:
    """The owner of an APPROVED vendor invites ``email`` to its staff (again: renewed)."""
    errors = Collector()
    address = clean_email(errors, "email", email)
    errors.raise_if_any()
    assert address is not None
    async with runtime.transaction() as session:
        membership = await require_vendor_staff(session, user, owner=True)
        vendor = await session.get(Vendor, membership.vendor_id)
        if vendor is None or vendor.status != "APPROVED":
            raise PermissionDenied("Only approved vendors invite staff.")
        found = await session.scalar(select(VendorInvitation).where(
            VendorInvitation.vendor_id == vendor.id, VendorInvitation.email == address))
        if found is None:
            found = VendorInvitation(vendor_id=vendor.id, email=address)
            session.add(found)
        found.status, found.created_at, found.accepted_at = "PENDING", utcnow(), None
        found.invited_by = membership.user_id
        await session.flush()
    return found


async def pending_for(session: AsyncSession, user: User | None) -> list[VendorInvitation]:
    """Pending invitations to the signed-in user's e-mail address, newest first."""
    user = require_user(user)
    return list(await session.scalars(select(VendorInvitation).where(
        VendorInvitation.email == user.email.lower(), VendorInvitation.status == "PENDING")
        .order_by(VendorInvitation.id.desc()).limit(100)))


async def accept(runtime: Runtime, user: User | None, invitation_id: int) -> VendorInvitation:
    """The invitee (signed in with the invited address) joins the vendor as STAFF."""
    user = require_user(user)
    try:
        async with runtime.transaction() as session:
            found = await session.get(VendorInvitation, invitation_id, with_for_update=True)
            if found is None or found.email != user.email.lower() or found.status != "PENDING":
                raise NotFound("id", "No such invitation.")
            if user.is_operator:
                raise ValidationError("id", "FORBIDDEN",
                                      "Operators are never attached to a vendor.")
            if await membership_of(session, user.id) is not None:
                raise ValidationError("id", "ALREADY_VENDOR", "You already work for a vendor.")
            vendor = await session.get(Vendor, found.vendor_id)
            if vendor is None or vendor.status != "APPROVED":
                raise NotFound("id", "No such invitation.")
            session.add(VendorMembership(vendor_id=vendor.id, user_id=user.id, role="STAFF"))
            found.status, found.accepted_at = "ACCEPTED", utcnow()
            await session.flush()
    except IntegrityError:  # a concurrent acceptance of another invitation won
        raise ValidationError("id", "ALREADY_VENDOR", "You already work for a vendor.") \
            from None
    return found
