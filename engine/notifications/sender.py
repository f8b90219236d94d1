"""Deliver stored notifications by e-mail.

Each due notification is claimed with a conditional ``UPDATE`` in its own short
transaction; the SMTP conversation happens with no transaction open; the outcome is
recorded in another. A failure is retried with exponential backoff up to
``RUTA_MAIL_MAX_ATTEMPTS``, then the notification is ``failed`` (listed by
``ruta mail list --failed`` and kept with its last error). With no ``RUTA_SMTP_URL`` in
development and demo mode, messages go to the built-in mailbox (``ruta mail list``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from engine.db.types import utcnow
from engine.notifications import smtp
from engine.notifications.models import Notification
from engine.runtime import Runtime

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 3600
BATCH = 50
LEASE = timedelta(seconds=smtp.TIMEOUT + 60)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** (attempts - 1), MAX_BACKOFF_SECONDS))


def _due(now: datetime) -> Any:
    return or_((Notification.email_status == "pending") & (Notification.next_attempt_at <= now),
               (Notification.email_status == "sending") & (Notification.claimed_until < now))


async def send_due(runtime: Runtime, ids: Sequence[int] | None = None,
                   clock: Callable[[], datetime] = utcnow) -> int:
    """Send every due e-mail (or only ``ids``); returns how many this call attempted."""
    now = clock()
    query = select(Notification.id).where(_due(now)).order_by(Notification.id).limit(BATCH)
    if ids is not None:
        query = query.where(Notification.id.in_(ids))
    async with runtime.db.read() as session:
        due = list(await session.scalars(query))
    attempted = 0
    for notification_id in due:
        note = await _claim(runtime, notification_id, now)
        if note is None:
            continue  # another worker has it
        error = await _deliver(runtime, note)
        await _record(runtime, note, error, clock())
        attempted += 1
    return attempted


async def _claim(runtime: Runtime, notification_id: int, now: datetime) -> Notification | None:
    async with runtime.db.write() as session:
        claimed = await session.execute(
            update(Notification).where(Notification.id == notification_id, _due(now))
            .values(email_status="sending", claimed_until=now + LEASE))
        if getattr(claimed, "rowcount", 0) != 1:
            return None
        return await session.get(Notification, notification_id)


async def _deliver(runtime: Runtime, note: Notification) -> str | None:
    settings = runtime.settings
    if settings.smtp_url is None:
        return None if not settings.is_production else "RUTA_SMTP_URL is not set"
    try:
        await smtp.send(settings, smtp.build(settings, note))
    except Exception as exc:  # any SMTP, network or TLS failure is retried
        return f"{type(exc).__name__}: {exc}"[:2000]
    return None


async def _record(runtime: Runtime, note: Notification, error: str | None,
                  now: datetime) -> None:
    attempts = note.attempts + 1
    values: dict[str, Any] = {"attempts": attempts, "claimed_until": None, "last_error": error}
    if error is None:
        status = "sent" if runtime.settings.smtp_url else "mailbox"
        values.update(email_status=status, sent_at=now)
    else:
        log.warning("e-mail %d to %s failed (attempt %d): %s", note.id, note.email, attempts,
                    error)
        failed = attempts >= runtime.settings.mail_max_attempts
        values.update(email_status="failed" if failed else "pending",
                      next_attempt_at=now + backoff(attempts))
    async with runtime.db.write() as session:
        await session.execute(update(Notification).where(Notification.id == note.id)
                              .values(**values))
