"""Render and store a message once per recipient.

Rows are inserted with ``ON CONFLICT DO NOTHING`` on ``(type, dedupe_key, recipient_key)``
(PostgreSQL and SQLite alike): a redelivered event, or two workers handling it at once,
store each recipient's copy exactly once. A user who switched the message's category off
gets nothing on any channel (transactional categories cannot be switched off).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.notifications.locale import time_zone_of
from engine.notifications.models import Notification, NotificationOptOut
from engine.notifications.registry import message_types
from engine.notifications.render import render
from engine.notifications.spec import MessageType, Recipient
from engine.runtime import Runtime


class UnknownMessageType(LookupError):
    pass


async def _complete(session: AsyncSession, recipient: Recipient) -> Recipient | None:
    """Fill the address, language and country from the user's account; the time zone the
    user chose (``accountUpdate``) wins over the one the event suggests."""
    if recipient.user_id is None:
        return recipient if recipient.email else None
    user = await session.get(User, recipient.user_id)
    if user is None or not user.is_active:
        return None
    return Recipient(user_id=user.id, email=recipient.email or user.email,
                     language=recipient.language or user.language_code,
                     country=recipient.country or user.country,
                     time_zone=user.time_zone or recipient.time_zone,
                     context=recipient.context,
                     attachments=recipient.attachments, links=recipient.links,
                     inbox=recipient.inbox)


async def _opted_out(session: AsyncSession, spec: MessageType, user_id: int | None) -> bool:
    if spec.transactional or user_id is None:
        return False
    return await session.get(NotificationOptOut, (user_id, spec.category)) is not None


def _row(runtime: Runtime, spec: MessageType, dedupe_key: str, recipient: Recipient,
         context: Mapping[str, Any]) -> dict[str, Any]:
    zone = recipient.time_zone or time_zone_of(recipient.country)
    variables = {**context, **recipient.context, "public_url":
                 runtime.settings.public_url.rstrip("/")}
    done = render(spec.templates, recipient.language or "EN", zone, variables,
                  recipient.links)
    return {"type": spec.code, "category": spec.category, "dedupe_key": dedupe_key,
            "recipient_key": recipient.key, "user_id": recipient.user_id,
            "email": recipient.email, "language": done.language, "subject": done.subject[:500],
            "body_text": done.text, "body_html": done.html,
            "transactional": spec.transactional, "in_inbox": recipient.inbox,
            "email_status": "pending" if recipient.email else "none",
            "attachments": [{"filename": a.filename, "content_type": a.content_type,
                             "data": base64.b64encode(a.data).decode()}
                            for a in recipient.attachments]}


async def _insert(session: AsyncSession, row: dict[str, Any]) -> None:
    if session.get_bind().dialect.name == "postgresql":
        statement: Any = pg_insert(Notification).values(**row).on_conflict_do_nothing()
    else:
        statement = sqlite_insert(Notification).values(**row).on_conflict_do_nothing()
    await session.execute(statement)


async def store(runtime: Runtime, code: str, dedupe_key: str,
                recipients: Sequence[Recipient], context: Mapping[str, Any] | None = None
                ) -> list[int]:
    """Store message ``code`` for each recipient (once per ``dedupe_key`` and recipient);
    returns the ids of the stored notifications that are not yet sent."""
    spec = message_types(runtime.plugins).get(code)
    if spec is None:
        raise UnknownMessageType(code)
    async with runtime.db.write() as session:
        keys = []
        for given in recipients:
            recipient = await _complete(session, given)
            if recipient is None or await _opted_out(session, spec, recipient.user_id):
                continue
            await _insert(session, _row(runtime, spec, dedupe_key, recipient, context or {}))
            keys.append(recipient.key)
        if not keys:
            return []
        rows = await session.scalars(select(Notification.id).where(
            Notification.type == code, Notification.dedupe_key == dedupe_key,
            Notification.recipient_key.in_(keys), Notification.email_status == "pending"))
        return list(rows)
