"""The jobs plugin's e-mails, sent by the notifications core from its lifecycle events:
each application status change to the candidate, and each queued announcement to its
recipient (category ``ANNOUNCEMENT``: it carries the core's RFC 8058 one-click unsubscribe
link and header, and is never stored for someone who unsubscribed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import update

from engine.plugins.api import MessageType, Recipient, Runtime, utcnow, vendor_facts
from plugins.jobs.announcement_models import OptIn
from plugins.jobs.application_models import Application
from plugins.jobs.models import JobOffer
from plugins.jobs.texts import in_language

MESSAGES = Path(__file__).resolve().parent / "messages"
CATEGORY = "ANNOUNCEMENT"


async def application_changed(runtime: Runtime, application_id: int, candidate_user_id: int,
                              status: str, message: str, language: str,
                              **_: Any) -> Sequence[Recipient]:
    async with runtime.db.read() as session:
        app = await session.get(Application, application_id)
        offer = await session.get(JobOffer, app.offer_id) if app else None
        employer = (await vendor_facts(session, offer.vendor_id)
                    if offer is not None and offer.vendor_id is not None else None)
    if offer is None:
        return []
    context = {"status": status, "message": message,
               "title": in_language(offer.title, language),
               "employer": employer.name if employer else ""}
    return [Recipient(user_id=candidate_user_id, language=language, context=context)]


async def announcement(runtime: Runtime, user_id: int, language: str, subject: str,
                       body: str, unsubscribe_url: str, test: bool,
                       **_: Any) -> Sequence[Recipient]:
    context = {"subject": subject, "body": body, "unsubscribe_url": unsubscribe_url,
               "test": test}
    return [Recipient(user_id=user_id, language=language, context=context)]


async def unsubscribed(runtime: Runtime, user_id: int, category: str) -> None:
    """The core's one-click unsubscribe (or the preference switch) for announcements ends
    the member's subscription here too, so sends no longer count them."""
    if category != CATEGORY:
        return
    async with runtime.db.write() as session:
        await session.execute(update(OptIn).where(OptIn.user_id == user_id)
                              .values(subscribed=False, changed_at=utcnow()))


MESSAGE_TYPES = (
    MessageType("job_application_changed", "JOBS", MESSAGES / "job_application_changed",
                "ruta_job_application_changed", application_changed,
                "To the candidate at each status change of a job application."),
    MessageType("job_announcement", CATEGORY, MESSAGES / "job_announcement",
                "ruta_announcement_queued", announcement,
                "A programme announcement to one opted-in member (can be unsubscribed)."),
)
