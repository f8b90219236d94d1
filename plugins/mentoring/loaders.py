"""Per-request DataLoaders of the mentoring plugin: one statement per batch, on the
request's read session."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from engine.plugins.api import Runtime
from plugins.mentoring.models import Expert

EXPERT_NAMES = "mentoring.expert_name_by_id"


def expert_name_by_id(runtime: Runtime) -> DataLoader[int, str]:
    """Experts' public display names ("" for an expert that is gone)."""
    async def load(keys: Sequence[int]) -> list[str]:
        async with runtime.db.read() as session:
            rows = await session.execute(select(Expert.id, Expert.display_name)
                                         .where(Expert.id.in_(set(keys))))
            found = {expert_id: name for expert_id, name in rows}
        return [found.get(key, "") for key in keys]

    return DataLoader(load_fn=load)
