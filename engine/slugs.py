"""Unique slugs for any model with a ``slug`` column."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.input_rules import slugify


async def unique_slug(session: AsyncSession, model: Any, text: str, *, exclude_id: int | None = None
                      ) -> str:
    base = slugify(text, 72)
    candidate, n = base, 1
    while True:
        query = select(model.id).where(model.slug == candidate)
        if exclude_id is not None:
            query = query.where(model.id != exclude_id)
        if await session.scalar(query) is None:
            return candidate
        n += 1
        candidate = f"{base}-{n}"
