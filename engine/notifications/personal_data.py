"""The notifications' part of ``accountDataExport`` and ``accountDelete`` (GDPR)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from engine.notifications.models import Notification, NotificationOptOut
from engine.runtime import Runtime


async def export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    async with runtime.db.read() as session:
        notes = await session.scalars(select(Notification).where(
            Notification.user_id == user_id).order_by(Notification.id))
        opted_out = await session.scalars(select(NotificationOptOut.category).where(
            NotificationOptOut.user_id == user_id))
        return {"notifications": [
                    {"type": n.type, "subject": n.subject, "language": n.language,
                     "created_at": n.created_at.isoformat(), "email_status": n.email_status,
                     "read": n.read_at is not None} for n in notes],
                "disabled_categories": sorted(opted_out)}


async def erase(runtime: Runtime, user_id: int) -> None:
    async with runtime.transaction() as session:
        await session.execute(delete(Notification).where(Notification.user_id == user_id))
        await session.execute(delete(NotificationOptOut).where(
            NotificationOptOut.user_id == user_id))
