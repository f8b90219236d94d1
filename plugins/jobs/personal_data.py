"""The jobs part of a user's data export and erasure (``ruta_account_export`` /
``ruta_account_erase``).

Erasure keeps applications and hires as anonymous facts (an employer's records and the
jobs figure must not change) and removes what describes the person: the profile's content
and the CV file, application and status-change messages, consents (given and received),
the announcement subscription and deliveries.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, or_, select, update

from engine.plugins.api import Runtime
from plugins.jobs import cv
from plugins.jobs.announcement_models import Delivery, OptIn
from plugins.jobs.application_models import Application, ApplicationChange, Hire
from plugins.jobs.models import CandidateProfile, ProfileGrant

ERASED = "[erased]"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


async def export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    async with runtime.db.read() as session:
        profile = await session.scalar(select(CandidateProfile).where(
            CandidateProfile.user_id == user_id))
        apps = list(await session.scalars(select(Application).where(
            Application.profile_id == (profile.id if profile else -1)).order_by(Application.id)))
        changes = list(await session.scalars(select(ApplicationChange).where(
            ApplicationChange.application_id.in_([a.id for a in apps]))
            .order_by(ApplicationChange.id)))
        grants = list(await session.scalars(select(ProfileGrant).where(
            or_(ProfileGrant.user_id == user_id, ProfileGrant.staff_user_id == user_id))
            .order_by(ProfileGrant.id)))
        opt_in = await session.scalar(select(OptIn).where(OptIn.user_id == user_id))
    return {
        "profile": None if profile is None else {
            "displayName": profile.display_name, "languages": profile.languages,
            "skills": profile.skills, "experience": profile.experience,
            "postalCode": profile.postal_code, "availability": profile.availability,
            "workPermit": profile.work_permit, "cvFilename": profile.cv_filename},
        "applications": [{"status": a.status, "message": a.message, "language": a.language,
                          "createdAt": _iso(a.created_at),
                          "history": [{"status": c.to_status, "message": c.message,
                                       "at": _iso(c.at)} for c in changes
                                      if c.application_id == a.id]} for a in apps],
        "consents": [{"givenBy": g.user_id == user_id, "grantedAt": _iso(g.granted_at),
                      "withdrawnAt": _iso(g.withdrawn_at)} for g in grants],
        "announcements": None if opt_in is None else {
            "subscribed": opt_in.subscribed, "language": opt_in.language,
            "region": opt_in.region, "partner": opt_in.partner, "stage": opt_in.stage},
    }


async def erase(runtime: Runtime, user_id: int) -> None:
    async with runtime.transaction() as session:
        profile = await session.scalar(select(CandidateProfile).where(
            CandidateProfile.user_id == user_id))
        old_cv = profile.cv_key if profile else None
        if profile is not None:
            profile.display_name, profile.languages, profile.skills = ERASED, [], []
            profile.experience, profile.postal_code, profile.share_credentials = "", None, False
            profile.cv_key = profile.cv_filename = None
            app_ids = select(Application.id).where(Application.profile_id == profile.id)
            await session.execute(update(Application).where(
                Application.profile_id == profile.id).values(message=""))
            await session.execute(update(ApplicationChange).where(
                ApplicationChange.application_id.in_(app_ids)).values(message=""))
        await session.execute(update(Hire).where(Hire.candidate_user_id == user_id)
                              .values(candidate_user_id=None))
        await session.execute(delete(ProfileGrant).where(
            or_(ProfileGrant.user_id == user_id, ProfileGrant.staff_user_id == user_id)))
        await session.execute(delete(OptIn).where(OptIn.user_id == user_id))
        await session.execute(delete(Delivery).where(Delivery.user_id == user_id))
    await cv.remove_file(runtime, old_cv)
