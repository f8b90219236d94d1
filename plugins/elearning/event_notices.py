"""Messages fed by the e-learning plugin's lifecycle events: a learner was enrolled in a
course (free or bought), a learner earned a certificate (with its credential id, checkable
with ``certificateVerify``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.plugins.api import MessageType, Recipient, Runtime, product_facts

MESSAGES = Path(__file__).resolve().parent / "messages"


async def _course(runtime: Runtime, product_id: int) -> dict[str, Any]:
    async with runtime.db.read() as session:
        product = await product_facts(session, product_id)
    return {"course": product.name if product else "",
            "course_url": f"{runtime.settings.public_url.rstrip('/')}/learn/{product_id}"}


async def course_enrolled(runtime: Runtime, user_id: int, product_id: int,
                          **_: Any) -> Sequence[Recipient]:
    return [Recipient(user_id=user_id, context=await _course(runtime, product_id))]


async def certificate_issued(runtime: Runtime, user_id: int, product_id: int,
                             credential_id: str, **_: Any) -> Sequence[Recipient]:
    context = {**await _course(runtime, product_id), "credential_id": credential_id}
    return [Recipient(user_id=user_id, context=context)]


EVENT_MESSAGES = (
    MessageType("course_enrolled", "LEARNING", MESSAGES / "course_enrolled",
                "ruta_course_enrolled", course_enrolled,
                "To a learner enrolled in a course (free or bought)."),
    MessageType("certificate_issued", "LEARNING", MESSAGES / "certificate_issued",
                "ruta_certificate_issued", certificate_issued,
                "To a learner who completed a course: the certificate's credential id."),
)
