"""GraphQL for staff invitations: ``vendorStaffInvite``, ``vendorStaffInvitationAccept``,
``myVendorInvitations`` and the deprecated ``vendorStaffAdd`` (now an invitation too)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from engine.api.context import Info
from engine.api.errors import attempt, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.errors import ValidationError
from engine.vendors import staff
from engine.vendors.graphql import VendorError, VendorErrorCode, VendorPayload
from engine.vendors.models import Vendor, VendorInvitation
from engine.vendors.types import VendorType


@strawberry.type(name="VendorInvitation",
                 description="An invitation to join a vendor's staff, accepted by the account "
                             "signed in with ``email``.")
class VendorInvitationType:
    id: strawberry.ID
    email: str
    status: str = strawberry.field(description="PENDING or ACCEPTED.")
    created_at: datetime
    vendor: VendorType | None

    @classmethod
    def of(cls, found: VendorInvitation, vendor: Vendor | None) -> VendorInvitationType:
        return cls(id=encode_id("VendorInvitation", found.id), email=found.email,
                   status=found.status, created_at=found.created_at,
                   vendor=VendorType.of(vendor, vendor.description, None) if vendor else None)


@strawberry.type
class VendorInvitationPayload:
    invitation: VendorInvitationType | None = None
    errors: list[VendorError] = strawberry.field(default_factory=list)


def _errors(exc: ValidationError | None) -> list[VendorError]:
    return payload_errors(exc, VendorError, VendorErrorCode) if exc else []


async def _view(info: Info, found: VendorInvitation) -> VendorInvitationType:
    async with info.context.runtime.db.read() as session:
        return VendorInvitationType.of(found, await session.get(Vendor, found.vendor_id))


@strawberry.type
class StaffQuery:
    @strawberry.field(description="Pending invitations to your e-mail address.")
    async def my_vendor_invitations(self, info: Info) -> list[VendorInvitationType]:
        user = await info.context.user()
        async with info.context.runtime.db.read() as session:
            found = await staff.pending_for(session, user)
            vendors = {v.id: v for v in [await session.get(Vendor, i)
                                         for i in {f.vendor_id for f in found}] if v}
        return [VendorInvitationType.of(f, vendors.get(f.vendor_id)) for f in found]


@strawberry.type
class StaffMutation:
    @strawberry.mutation(description="Invite an e-mail address to your vendor's staff (the "
                                     "owner of an approved vendor); the same answer whether "
                                     "or not an account uses it.")
    async def vendor_staff_invite(self, info: Info, email: str) -> VendorInvitationPayload:
        user = await info.context.user()
        found, exc = await attempt(lambda: staff.invite(info.context.runtime, user, email))
        if found is None:
            return VendorInvitationPayload(errors=_errors(exc))
        return VendorInvitationPayload(invitation=await _view(info, found))

    @strawberry.mutation(description="Accept an invitation sent to your e-mail address: you "
                                     "join that vendor's staff.")
    async def vendor_staff_invitation_accept(self, info: Info, id: strawberry.ID
                                             ) -> VendorInvitationPayload:
        user = await info.context.user()
        found, exc = await attempt(lambda: staff.accept(
            info.context.runtime, user, decode_id(id, "VendorInvitation")))
        if found is None:
            return VendorInvitationPayload(errors=_errors(exc))
        return VendorInvitationPayload(invitation=await _view(info, found))

    @strawberry.mutation(description="Invite a user to your vendor's staff.",
                         deprecation_reason="Attaches nobody any more: it sends an invitation "
                                            "like vendorStaffInvite, which the invitee "
                                            "accepts with vendorStaffInvitationAccept.")
    async def vendor_staff_add(self, info: Info, email: str) -> VendorPayload:
        user = await info.context.user()
        found, exc = await attempt(lambda: staff.invite(info.context.runtime, user, email))
        if found is None:
            return VendorPayload(errors=_errors(exc))
        async with info.context.runtime.db.read() as session:
            vendor = await session.get(Vendor, found.vendor_id)
        assert vendor is not None
        return VendorPayload(vendor=VendorType.of(vendor, vendor.description, None))
