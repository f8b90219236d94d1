"""Consent: a person grants a named staff user (e.g. a partner organisation's adviser) the
right to create and edit their candidate profile; withdrawing ends it at once (every
check reads the grant, nothing is cached)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import NotFound, PermissionDenied, Runtime, ValidationError, utcnow
from plugins.jobs.access import Viewer, signed_in
from plugins.jobs.models import ProfileGrant


async def active_grant(session: AsyncSession, user_id: int,
                       staff_user_id: int) -> ProfileGrant | None:
    found: ProfileGrant | None = await session.scalar(select(ProfileGrant).where(
        ProfileGrant.user_id == user_id, ProfileGrant.staff_user_id == staff_user_id,
        ProfileGrant.withdrawn_at.is_(None)))
    return found


async def require_editor(session: AsyncSession, viewer: Viewer | None, user_id: int) -> Viewer:
    """The person themself, or staff holding that person's unwithdrawn consent."""
    viewer = signed_in(viewer)
    if viewer.user_id == user_id:
        return viewer
    if await active_grant(session, user_id, viewer.user_id) is None:
        raise PermissionDenied("This person has not consented to your editing their profile.")
    return viewer


async def grant(runtime: Runtime, viewer: Viewer | None, staff_user_id: int) -> ProfileGrant:
    viewer = signed_in(viewer)
    if staff_user_id == viewer.user_id:
        raise ValidationError("staffUserId", "INVALID", "You already manage your own profile.")
    async with runtime.transaction() as session:
        existing = await active_grant(session, viewer.user_id, staff_user_id)
        if existing is not None:
            return existing
        record = ProfileGrant(user_id=viewer.user_id, staff_user_id=staff_user_id)
        session.add(record)
        await session.flush()
        return record


async def withdraw(runtime: Runtime, viewer: Viewer | None, grant_id: int) -> ProfileGrant:
    viewer = signed_in(viewer)
    async with runtime.transaction() as session:
        record = await session.get(ProfileGrant, grant_id)
        if record is None or record.user_id != viewer.user_id:
            raise NotFound("grantId", "No such consent.")
        if record.withdrawn_at is None:
            record.withdrawn_at = utcnow()
        await session.flush()
        return record


async def grants_of(runtime: Runtime, viewer: Viewer | None) -> list[ProfileGrant]:
    viewer = signed_in(viewer)
    async with runtime.db.read() as session:
        rows = await session.scalars(select(ProfileGrant).where(
            ProfileGrant.user_id == viewer.user_id).order_by(ProfileGrant.id))
        return list(rows)
