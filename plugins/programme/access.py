"""Who is asking: operators run the programme; partner staff act for their own partner."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Info, NotAuthenticated, PermissionDenied
from plugins.programme.models import PartnerStaff


@dataclass(frozen=True)
class Viewer:
    user_id: int
    is_operator: bool
    partner_id: int | None  # the partner this user is staff of, if any

    def may_act_for(self, partner_id: int) -> bool:
        return self.is_operator or self.partner_id == partner_id


async def viewer_of(info: Info) -> Viewer | None:
    user = await info.context.user()
    if user is None:
        return None
    async with info.context.runtime.db.read() as session:
        partner_id = await staff_partner(session, user.id)
    return Viewer(user_id=user.id, is_operator=user.is_operator, partner_id=partner_id)


async def staff_partner(session: AsyncSession, user_id: int) -> int | None:
    return await session.scalar(
        select(PartnerStaff.partner_id).where(PartnerStaff.user_id == user_id))


def signed_in(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise NotAuthenticated()
    return viewer


def require_partner(viewer: Viewer | None, partner_id: int) -> Viewer:
    """Operators, or staff of ``partner_id``; anybody else is refused."""
    who = signed_in(viewer)
    if not who.may_act_for(partner_id):
        raise PermissionDenied("Only this partner's staff or an operator may do this.")
    return who


def require_operator(viewer: Viewer | None) -> Viewer:
    who = signed_in(viewer)
    if not who.is_operator:
        raise PermissionDenied("Only operators may do this.")
    return who
