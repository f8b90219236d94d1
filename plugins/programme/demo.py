"""Demo data: placeholder until the seed is written."""
from __future__ import annotations

from engine.plugins.api import Runtime


async def seed(runtime: Runtime, demo: object) -> None:
    return None
