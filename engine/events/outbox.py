"""Recording events inside the caller's transaction."""

from __future__ import annotations

from typing import Any

import pluggy
from sqlalchemy.ext.asyncio import AsyncSession

from engine.events.models import OutboxDelivery, OutboxEvent
from engine.plugins.specs import LIFECYCLE_HOOKS


async def record(
    session: AsyncSession, plugins: pluggy.PluginManager, hook: str, **payload: Any
) -> OutboxEvent:
    """Record ``hook(**payload)`` to run after commit, once per current implementation.

    The payload must be JSON-serialisable (ids, strings, numbers). Nothing runs now: if the
    surrounding transaction rolls back, the event never happened.
    """
    if hook not in LIFECYCLE_HOOKS:
        raise ValueError(f"{hook} is not a lifecycle hook")
    session.info["ruta_events"] = True  # the transaction will wake the dispatcher
    event = OutboxEvent(hook=hook, payload=payload)
    session.add(event)
    await session.flush()
    for impl in getattr(plugins.hook, hook).get_hookimpls():
        session.add(OutboxDelivery(event_id=event.id, plugin=impl.plugin_name))
    return event
