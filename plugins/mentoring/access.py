"""Who is asking: the viewer a service checks permissions against (built by the API)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import NotAuthenticated, NotFound, PermissionDenied
from plugins.mentoring.models import Expert


@dataclass(frozen=True)
class Viewer:
    user_id: int
    is_operator: bool = False
    #: The vendor the user works for (vendor staff), if any.
    vendor_id: int | None = None
    language: str = "EN"


def signed_in(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise NotAuthenticated()
    return viewer


def manages(viewer: Viewer, expert: Expert) -> bool:
    """The expert themself, staff of the expert's firm, or an operator."""
    return (viewer.is_operator or viewer.user_id == expert.user_id
            or (expert.vendor_id is not None and viewer.vendor_id == expert.vendor_id))


def require_operator(viewer: Viewer | None) -> Viewer:
    viewer = signed_in(viewer)
    if not viewer.is_operator:
        raise PermissionDenied("Only operators may do this.")
    return viewer


async def get_expert(session: AsyncSession, expert_id: int, field: str = "expertId") -> Expert:
    expert = await session.get(Expert, expert_id)
    if expert is None:
        raise NotFound(field, "No such expert.")
    return expert


async def managed_expert(session: AsyncSession, viewer: Viewer | None, expert_id: int,
                         field: str = "expertId") -> Expert:
    viewer = signed_in(viewer)
    expert = await get_expert(session, expert_id, field)
    if not manages(viewer, expert):
        raise PermissionDenied("You do not manage this expert.")
    return expert


async def expert_of_user(session: AsyncSession, user_id: int) -> Expert | None:
    found: Expert | None = await session.scalar(select(Expert).where(Expert.user_id == user_id))
    return found
