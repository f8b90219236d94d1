"""``ruta_journey_facts`` for e-learning: enrolments and completed courses."""

from __future__ import annotations

from sqlalchemy import select

from engine.plugins.api import JourneyFact, Runtime, product_facts
from plugins.elearning.models import Enrolment


async def journey_facts(runtime: Runtime, user_ids: list[int]) -> list[JourneyFact]:
    facts: list[JourneyFact] = []
    async with runtime.db.read() as session:
        rows = list(await session.scalars(
            select(Enrolment).where(Enrolment.user_id.in_(user_ids), Enrolment.status != "REVOKED")
            .order_by(Enrolment.id)))
        names: dict[int, str] = {}
        for e in rows:
            if e.product_id not in names:
                product = await product_facts(session, e.product_id)
                names[e.product_id] = product.name if product else ""
            facts.append(JourneyFact(e.user_id, "ENROLLED", e.enrolled_at, names[e.product_id]))
            if e.completed_at is not None:
                facts.append(JourneyFact(e.user_id, "COURSE_COMPLETED", e.completed_at,
                                         names[e.product_id]))
    return facts
