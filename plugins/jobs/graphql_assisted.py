"""GraphQL: the people who consented to the viewer (e.g. a partner's adviser) managing
their candidate profile — the staff member's list of assisted candidates."""

from __future__ import annotations

from datetime import datetime

import strawberry
from sqlalchemy import select

from engine.plugins.api import Info, encode_id, user_emails
from plugins.jobs.access import signed_in
from plugins.jobs.errors import viewer_of
from plugins.jobs.models import CandidateProfile, ProfileGrant


@strawberry.type
class AssistedCandidate:
    user_id: strawberry.ID
    email: str
    granted_at: datetime
    has_profile: bool


@strawberry.type
class AssistedQuery:
    @strawberry.field(description="People whose unwithdrawn consent lets you manage their "
                                  "candidate profile, oldest consent first.")
    async def assisted_candidates(self, info: Info) -> list[AssistedCandidate]:
        viewer = signed_in(await viewer_of(info))
        async with info.context.runtime.db.read() as session:
            grants = list(await session.scalars(select(ProfileGrant).where(
                ProfileGrant.staff_user_id == viewer.user_id,
                ProfileGrant.withdrawn_at.is_(None)).order_by(ProfileGrant.id)))
            ids = [g.user_id for g in grants]
            emails = await user_emails(session, ids)
            with_profile = set(await session.scalars(select(CandidateProfile.user_id).where(
                CandidateProfile.user_id.in_(ids))))
        return [AssistedCandidate(user_id=strawberry.ID(encode_id("User", g.user_id)),
                                  email=emails.get(g.user_id, ""), granted_at=g.granted_at,
                                  has_profile=g.user_id in with_profile) for g in grants]
