"""Candidate profiles, owned by the participant (or edited by staff with their consent).

Work permit is a self-declared ``YES`` / ``NO`` / ``IN_PROGRESS``: never a document.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Runtime, ValidationError, clean_text, utcnow
from plugins.jobs import skills
from plugins.jobs.access import Viewer
from plugins.jobs.consent import require_editor
from plugins.jobs.models import CandidateProfile

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2", "NATIVE")
AVAILABILITY = ("IMMEDIATE", "WITHIN_MONTH", "LATER")
WORK_PERMIT = ("YES", "NO", "IN_PROGRESS")


@dataclass(frozen=True)
class ProfileData:
    display_name: str
    languages: list[tuple[str, str]]
    skills: list[str]
    experience: str
    postal_code: str | None
    availability: str
    work_permit: str
    share_credentials: bool


def _languages(items: list[tuple[str, str]]) -> list[dict[str, str]]:
    result: dict[str, str] = {}
    for code, level in items:
        code = code.strip().upper()
        if len(code) != 2 or not code.isalpha() or level not in LEVELS:
            raise ValidationError("languages", "INVALID",
                                  "Give each language as a two-letter code and a level.")
        result[code] = level
    return [{"code": c, "level": result[c]} for c in sorted(result)]


async def of_user(session: AsyncSession, user_id: int) -> CandidateProfile | None:
    found: CandidateProfile | None = await session.scalar(
        select(CandidateProfile).where(CandidateProfile.user_id == user_id))
    return found


async def save(runtime: Runtime, viewer: Viewer | None, user_id: int,
               data: ProfileData) -> CandidateProfile:
    """Create or replace ``user_id``'s profile (the person, or staff with consent)."""
    if data.availability not in AVAILABILITY:
        raise ValidationError("availability", "INVALID", "Unknown availability.")
    if data.work_permit not in WORK_PERMIT:
        raise ValidationError("workPermit", "INVALID",
                              "Work permit is YES, NO or IN_PROGRESS.")
    name = clean_text(data.display_name, field="displayName", max_length=120)
    experience = clean_text(data.experience, field="experience", max_length=4000,
                            required=False, multiline=True) or ""
    postal = clean_text(data.postal_code, field="postalCode", max_length=16, required=False)
    async with runtime.transaction() as session:
        editor = await require_editor(session, viewer, user_id)
        profile = await of_user(session, user_id)
        if profile is None:
            profile = CandidateProfile(user_id=user_id, created_by_user_id=editor.user_id)
            session.add(profile)
        profile.display_name = name or ""
        profile.languages = _languages(data.languages)
        profile.skills = await skills.known(session, data.skills)
        profile.experience = experience
        profile.postal_code = postal
        profile.availability = data.availability
        profile.work_permit = data.work_permit
        if editor.user_id == user_id:  # only the person decides to share credentials
            profile.share_credentials = data.share_credentials
        profile.updated_at = utcnow()
        await session.flush()
        return profile
