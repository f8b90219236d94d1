"""The skills taxonomy: operators manage it; offers and profiles name only its codes.

Where a skill is also an expertise topic (mentoring's tags), use the same code, so that a
skill and an expert tag for one thing compare equal without either plugin importing the
other.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Runtime, ValidationError
from plugins.jobs.access import Viewer, require_operator
from plugins.jobs.models import Skill
from plugins.jobs.texts import translations

CODE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


async def create(runtime: Runtime, viewer: Viewer | None, code: str,
                 labels: dict[str, str]) -> Skill:
    require_operator(viewer)
    code = code.strip().lower()
    if not CODE_RE.match(code) or len(code) > 48:
        raise ValidationError("code", "INVALID", "Use lower-case letters, digits and hyphens.")
    cleaned = translations("labels", labels, max_length=80, required=False)
    async with runtime.transaction() as session:
        skill = await session.scalar(select(Skill).where(Skill.code == code))
        if skill is None:
            skill = Skill(code=code, labels=cleaned)
            session.add(skill)
        else:
            skill.labels = cleaned or skill.labels
        await session.flush()
        return skill


async def known(session: AsyncSession, codes: list[str], field: str = "skills") -> list[str]:
    """``codes`` (normalised) if every one is in the taxonomy, else ``UNKNOWN_SKILL``."""
    wanted = sorted({c.strip().lower() for c in codes})
    if len(wanted) > 30:
        raise ValidationError(field, "INVALID", "Name at most 30 skills.")
    found = set((await session.scalars(select(Skill.code).where(Skill.code.in_(wanted)))).all())
    missing = [c for c in wanted if c not in found]
    if missing:
        names = ", ".join(missing)
        raise ValidationError(field, "UNKNOWN_SKILL", f"Unknown skill: {names}")
    return wanted
