"""The drop-out ladder's messages: NUDGE to the learner, MENTOR to whoever the learner
shares progress with (asked through ``ruta_progress_shared_with``: consent), COORDINATOR
to the programme's staff. Each is fed by ``ruta_learner_at_risk`` and stored once per
event and recipient by the notifications core."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.plugins.api import (
    MessageType,
    Recipient,
    Runtime,
    gather_hook,
    operator_ids,
    product_facts,
    user_emails,
)

MESSAGES = Path(__file__).resolve().parent / "messages"


async def _facts(runtime: Runtime, user_id: int, product_id: int) -> dict[str, Any]:
    async with runtime.db.read() as session:
        product = await product_facts(session, product_id)
        emails = await user_emails(session, [user_id])
    return {"course": product.name if product else "", "learner": emails.get(user_id, ""),
            "course_url": f"{runtime.settings.public_url.rstrip('/')}/learn/{product_id}"}


async def nudge(runtime: Runtime, user_id: int, product_id: int, step: str,
                signals: list[str], **_: Any) -> Sequence[Recipient]:
    if step != "NUDGE":
        return []
    context = {**await _facts(runtime, user_id, product_id), "signals": signals}
    return [Recipient(user_id=user_id, context=context)]


async def mentor(runtime: Runtime, user_id: int, product_id: int, step: str,
                 signals: list[str], **_: Any) -> Sequence[Recipient]:
    if step != "MENTOR":
        return []
    shared = await gather_hook(runtime.plugins.hook.ruta_progress_shared_with,
                               runtime=runtime, learner_id=user_id)
    mentors = sorted({mentor_id for ids in shared for mentor_id in ids or ()})
    context = {**await _facts(runtime, user_id, product_id), "signals": signals}
    return [Recipient(user_id=mentor_id, context=context) for mentor_id in mentors]


async def coordinator(runtime: Runtime, user_id: int, product_id: int, step: str,
                      signals: list[str], **_: Any) -> Sequence[Recipient]:
    if step != "COORDINATOR":
        return []
    async with runtime.db.read() as session:
        staff = await operator_ids(session)
    context = {**await _facts(runtime, user_id, product_id), "signals": signals}
    return [Recipient(user_id=staff_id, context=context) for staff_id in staff]


MESSAGE_TYPES = (
    MessageType("learner_nudge", "NUDGE", MESSAGES / "learner_nudge", "ruta_learner_at_risk",
                nudge, "Drop-out ladder, day 3: to the learner (can be switched off)."),
    MessageType("learner_at_risk_mentor", "LEARNING", MESSAGES / "learner_at_risk_mentor",
                "ruta_learner_at_risk", mentor,
                "Drop-out ladder, day 7: to the mentors the learner shares progress with."),
    MessageType("learner_at_risk_coordinator", "LEARNING",
                MESSAGES / "learner_at_risk_coordinator", "ruta_learner_at_risk", coordinator,
                "Drop-out ladder, day 14: to the programme's staff."),
)
