"""Lifecycle events → notifications: every message type listening to the hook resolves its
recipients; each copy is stored once per (type, event, recipient), then sent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from engine.notifications.extras import with_extras
from engine.notifications.registry import listening_to
from engine.notifications.sender import send_due
from engine.notifications.spec import Recipient
from engine.notifications.store import store
from engine.runtime import Runtime


async def on_event(runtime: Runtime, hook: str, event_id: int, occurred_at: datetime,
                   **arguments: Any) -> None:
    pending: list[int] = []
    event = {"event_id": event_id, "occurred_at": occurred_at, **arguments}
    for spec in listening_to(runtime.plugins, hook):
        recipients = await spec.run(runtime, event)
        if recipients:
            recipients = await with_extras(runtime, spec.code, event, recipients)
            pending += await store(runtime, spec.code, f"event:{event_id}", recipients)
    if pending:
        await send_due(runtime, pending)


async def notify(runtime: Runtime, code: str, dedupe_key: str, recipients: Sequence[Recipient],
                 context: Mapping[str, Any] | None = None) -> int:
    """Send message ``code`` to ``recipients`` now, once per ``dedupe_key`` and recipient
    (e.g. ``f"booking-reminder:{booking_id}"``), for work that is not one lifecycle event
    (scheduled reminders). Call it with no transaction open; returns how many copies were
    newly stored."""
    pending = await store(runtime, code, dedupe_key, recipients, context)
    if pending:
        await send_due(runtime, pending)
    return len(pending)
