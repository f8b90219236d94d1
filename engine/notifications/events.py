"""Lifecycle events → notifications: every message type listening to the hook resolves its
recipients; each copy is stored once per (type, event, recipient), then sent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from engine.notifications.registry import listening_to
from engine.notifications.sender import send_due
from engine.notifications.store import store
from engine.runtime import Runtime


async def on_event(runtime: Runtime, hook: str, event_id: int, occurred_at: datetime,
                   **arguments: Any) -> None:
    pending: list[int] = []
    for spec in listening_to(runtime.plugins, hook):
        recipients = await spec.run(runtime, {"event_id": event_id,
                                              "occurred_at": occurred_at, **arguments})
        if recipients:
            pending += await store(runtime, spec.code, f"event:{event_id}", recipients)
    if pending:
        await send_due(runtime, pending)
