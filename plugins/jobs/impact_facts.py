"""The jobs figure for impact reports (``ruta_impact_facts``): one ``HIRE`` fact per hire,
naming the employer vendor and the hired person (a programme report counts it once, for
the participant it concerns)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from engine.plugins.api import ImpactFact, Runtime
from plugins.jobs.application_models import Hire


async def hires(runtime: Runtime, since: datetime, until: datetime) -> list[ImpactFact]:
    async with runtime.db.read() as session:
        rows = await session.scalars(select(Hire).where(
            Hire.hired_at >= since, Hire.hired_at < until).order_by(Hire.id))
        return [ImpactFact("HIRE", h.hired_at, "jobs", vendor_id=h.vendor_id,
                           user_id=h.candidate_user_id) for h in rows]
