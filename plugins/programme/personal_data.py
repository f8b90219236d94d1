"""The programme's part of a user's data export and erasure (``ruta_account_export`` /
``ruta_account_erase``).

Erasure deletes the person's participant records (with the self-declared origin region and
consent) and anonymises their event registrations (name and e-mail), which stay as counts
of seats and attendance (their tickets keep their seat but no longer name anyone).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update

from engine.plugins.api import Runtime
from plugins.programme.event_models import Registration
from plugins.programme.models import Participant

ERASED = "[erased]"


async def export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    async with runtime.db.read() as session:
        records = list(await session.scalars(
            select(Participant).where(Participant.user_id == user_id).order_by(Participant.id)))
        registrations = list(await session.scalars(
            select(Registration).where(Registration.user_id == user_id)
            .order_by(Registration.id)))
    return {
        "participant": [{"language": p.language, "originRegion": p.origin_region,
                         "consentJourney": p.consent_journey,
                         "registeredAt": p.registered_at.isoformat()} for p in records],
        "eventRegistrations": [{"name": r.name, "email": r.email, "answers": r.answers,
                                "status": r.status} for r in registrations],
    }


async def erase(runtime: Runtime, user_id: int) -> None:
    async with runtime.db.write() as session:
        await session.execute(delete(Participant).where(Participant.user_id == user_id))
        await session.execute(
            update(Registration).where(Registration.user_id == user_id)
            .values(name=ERASED, email=ERASED, answers={}))
