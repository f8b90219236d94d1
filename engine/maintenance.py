"""Background work every worker process runs: outbox deliveries (and their retries),
expiry of unpaid booking holds, and the plugins' ``ruta_tick``. Safe with any number of
workers (conditional updates)."""

from __future__ import annotations

import asyncio
import logging

from engine.db.types import utcnow
from engine.db.unavailable import describe, is_unavailable
from engine.orders.service import expire_holds
from engine.plugins import calls as hook_calls
from engine.runtime import Runtime

log = logging.getLogger(__name__)


async def tick(runtime: Runtime) -> None:
    assert runtime.dispatcher is not None
    await runtime.dispatcher.run_due()
    await expire_holds(runtime)
    await hook_calls.tick(runtime.plugins, runtime, utcnow())


async def run_forever(runtime: Runtime, interval: float = 2.0) -> None:
    while True:
        try:
            await tick(runtime)
        except Exception as exc:
            if is_unavailable(exc):  # one line per tick while the database is away
                log.warning("background tick skipped: %s", describe(exc))
            else:
                log.exception("background tick failed")
        await asyncio.sleep(interval)
