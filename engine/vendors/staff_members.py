"""A vendor's staff list (``Vendor.staff``, ``Vendor.staffInvitations``) and removal
(``vendorStaffRemove``): the owner removes a staff member; owners are never removed here."""

from __future__ import annotations

from datetime import datetime

import strawberry
from sqlalchemy import select

from engine.accounts.models import User
from engine.api.context import Info
from engine.api.errors import attempt, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.api.viewer import can_manage_vendor
from engine.errors import NotFound, ValidationError
from engine.runtime import Runtime
from engine.vendors.access import require_vendor_staff
from engine.vendors.graphql import VendorError, VendorErrorCode
from engine.vendors.models import VendorInvitation, VendorMembership
from engine.vendors.types import VendorType


@strawberry.type(name="VendorStaffMember", description="Someone who works for a vendor.")
class StaffMemberType:
    id: strawberry.ID
    email: str
    role: str = strawberry.field(description="OWNER or STAFF.")


@strawberry.type(name="VendorStaffInvitation", description="An invitation not yet accepted.")
class StaffInvitationType:
    id: strawberry.ID
    email: str
    created_at: datetime


async def vendor_staff(root: VendorType, info: Info) -> list[StaffMemberType] | None:
    """Who works for this vendor (its staff and operators; null for anyone else)."""
    if not await can_manage_vendor(info, root.model.id):
        return None
    async with info.context.runtime.db.read() as session:
        rows = await session.execute(
            select(VendorMembership, User.email).join(User, User.id == VendorMembership.user_id)
            .where(VendorMembership.vendor_id == root.model.id).order_by(VendorMembership.id))
        return [StaffMemberType(id=encode_id("VendorStaffMember", m.id), email=email,
                                role=m.role) for m, email in rows]


async def vendor_staff_invitations(root: VendorType, info: Info
                                   ) -> list[StaffInvitationType] | None:
    """Invitations this vendor sent that are still pending (its staff and operators)."""
    if not await can_manage_vendor(info, root.model.id):
        return None
    async with info.context.runtime.db.read() as session:
        rows = await session.scalars(select(VendorInvitation).where(
            VendorInvitation.vendor_id == root.model.id, VendorInvitation.status == "PENDING")
            .order_by(VendorInvitation.id.desc()).limit(100))
        return [StaffInvitationType(id=encode_id("VendorInvitation", i.id), email=i.email,
                                    created_at=i.created_at) for i in rows]


async def remove(runtime: Runtime, user: User | None, member_id: int) -> None:
    async with runtime.transaction() as session:
        owner = await require_vendor_staff(session, user, owner=True)
        member = await session.get(VendorMembership, member_id, with_for_update=True)
        if member is None or member.vendor_id != owner.vendor_id:
            raise NotFound("id", "No such staff member.")
        if member.role == "OWNER":
            raise ValidationError("id", "FORBIDDEN", "An owner is not removed from the staff.")
        await session.delete(member)


@strawberry.type
class StaffRemovePayload:
    removed: bool = False
    errors: list[VendorError] = strawberry.field(default_factory=list)


@strawberry.type
class StaffRemoveMutation:
    @strawberry.mutation(description="Remove a staff member from your vendor (its owner).")
    async def vendor_staff_remove(self, info: Info, id: strawberry.ID) -> StaffRemovePayload:
        user = await info.context.user()
        done, exc = await attempt(lambda: _remove(info, user, id))
        if exc is not None:
            return StaffRemovePayload(errors=payload_errors(exc, VendorError, VendorErrorCode))
        return StaffRemovePayload(removed=bool(done))


async def _remove(info: Info, user: User | None, id: strawberry.ID) -> bool:
    await remove(info.context.runtime, user, decode_id(id, "VendorStaffMember"))
    return True
