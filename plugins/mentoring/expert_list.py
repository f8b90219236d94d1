"""Which experts a viewer may see, and the ``experts`` list paged in SQL.

Unverified experts are never listed publicly: anyone sees verified experts; an unverified
one only its managers (the expert, its firm's staff) and operators see.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Text, cast, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import ValidationError
from plugins.mentoring.access import Viewer, manages
from plugins.mentoring.models import Expert

MAX_FIRST = 100


def publicly_visible() -> Any:
    """The SQL condition of experts anyone may see (matching and listing use it)."""
    return Expert.verified.is_(True)


def may_see(viewer: Viewer | None, expert: Expert) -> bool:
    return expert.verified or (viewer is not None and manages(viewer, expert))


def has_tag(tag: str) -> Any:
    # Tags are stored as a JSON list of codes; match the code's JSON text exactly.
    needle = json.dumps(tag).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return cast(Expert.tags, Text).like(f"%{needle}%", escape="\\")


async def listed(session: AsyncSession, viewer: Viewer | None, kind: str | None,
                 tag: str | None, first: int) -> list[Expert]:
    """Verified experts (operators: all), optionally of one kind or with one tag."""
    if not 1 <= first <= MAX_FIRST:
        raise ValidationError("first", "INVALID", f"first must be between 1 and {MAX_FIRST}.")
    if tag is not None and len(tag) > 48:
        return []
    query = select(Expert)
    if viewer is None or not viewer.is_operator:
        query = query.where(publicly_visible())
    if kind is not None:
        query = query.where(Expert.kind == kind)
    if tag is not None:
        query = query.where(has_tag(tag))
    return list(await session.scalars(query.order_by(Expert.id).limit(first)))
