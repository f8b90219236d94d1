"""Runs recorded lifecycle events through their hook implementations, after commit.

Each delivery (one event, one implementation) is claimed with a conditional UPDATE (safe
with many workers on PostgreSQL and on SQLite) for a short lease (``outbox_lease``, 10 s)
that the running worker renews every third of it, run with a timeout, and marked delivered;
a delivery claimed by a worker that was killed is taken over once its lease runs out;
a failure is logged and retried with exponential backoff up to ``hook_max_attempts``, after
which the delivery is ``dead`` (kept for inspection). Other implementations are unaffected.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from engine.db.types import utcnow
from engine.events.models import OutboxDelivery, OutboxEvent
from engine.runtime import Runtime

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 300
BATCH = 100


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(2**attempts, MAX_BACKOFF_SECONDS))


class Dispatcher:
    def __init__(self, runtime: Runtime, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.runtime = runtime
        self.clock = clock
        self._task: asyncio.Task[None] | None = None
        self._again = False

    def wake(self) -> None:
        """Run due deliveries soon, in the background (coalesces repeated wake-ups)."""
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = asyncio.get_running_loop().create_task(self._run_in_background())

    async def _run_in_background(self) -> None:
        while True:
            self._again = False
            try:
                await self.run_due()
            except Exception:
                log.exception("outbox dispatch failed")
            if not self._again:
                return

    async def drain(self) -> int:
        """Run deliveries until none is due now; returns how many ran (tests, CLI worker)."""
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
        total = 0
        while True:
            ran = await self.run_due()
            total += ran
            if ran == 0:
                return total

    async def run_due(self) -> int:
        now = self.clock()
        async with self.runtime.db.read() as session:
            rows = (
                await session.execute(
                    select(OutboxDelivery.id, OutboxEvent.hook, OutboxEvent.payload,
                           OutboxDelivery.plugin, OutboxDelivery.attempts, OutboxEvent.id,
                           OutboxEvent.created_at)
                    .join(OutboxEvent, OutboxEvent.id == OutboxDelivery.event_id)
                    .where(
                        or_(
                            (OutboxDelivery.status == "pending")
                            & (OutboxDelivery.next_attempt_at <= now),
                            (OutboxDelivery.status == "running")
                            & (OutboxDelivery.claimed_until < now),
                        )
                    )
                    .order_by(OutboxDelivery.id)
                    .limit(BATCH)
                )
            ).all()
        ran = 0
        for delivery_id, hook, payload, plugin, attempts, event_id, occurred_at in rows:
            if await self._claim(delivery_id, now):
                await self._deliver(delivery_id, hook, {**payload, "event_id": event_id,
                                                        "occurred_at": occurred_at},
                                    plugin, attempts)
                ran += 1
        return ran

    def _lease_end(self, now: datetime) -> datetime:
        return now + timedelta(seconds=self.runtime.settings.outbox_lease)

    async def _renew(self, delivery_id: int) -> None:
        """Keep the claim while the hook runs (cancelled when it ends)."""
        while True:
            await asyncio.sleep(self.runtime.settings.outbox_lease / 3)
            async with self.runtime.db.write() as session:
                await session.execute(
                    update(OutboxDelivery)
                    .where(OutboxDelivery.id == delivery_id, OutboxDelivery.status == "running")
                    .values(claimed_until=self._lease_end(self.clock())))

    async def _claim(self, delivery_id: int, now: datetime) -> bool:
        until = self._lease_end(now)
        async with self.runtime.db.write() as session:
            result = await session.execute(
                update(OutboxDelivery)
                .where(
                    OutboxDelivery.id == delivery_id,
                    or_(
                        OutboxDelivery.status == "pending",
                        (OutboxDelivery.status == "running")
                        & (OutboxDelivery.claimed_until < now),
                    ),
                )
                .values(status="running", claimed_until=until)
            )
            return bool(getattr(result, "rowcount", 0) == 1)

    def _implementation(self, hook: str, plugin: str) -> Callable[..., Any] | None:
        """The plugin's implementation of ``hook``, called with the arguments it declares."""
        caller = getattr(self.runtime.plugins.hook, hook, None)
        impls = caller.get_hookimpls() if caller is not None else []
        impl = next((i for i in impls if i.plugin_name == plugin), None)
        if impl is None:
            return None
        argnames, function = set(impl.argnames), impl.function

        async def call(**kwargs: Any) -> None:
            chosen = {k: v for k, v in kwargs.items() if k in argnames}
            if inspect.iscoroutinefunction(function):
                await function(**chosen)
            else:  # a sync implementation must not block the event loop
                result = await asyncio.to_thread(function, **chosen)
                if inspect.isawaitable(result):
                    await result

        return call

    async def _deliver(
        self, delivery_id: int, hook: str, payload: dict[str, Any], plugin: str, attempts: int
    ) -> None:
        settings = self.runtime.settings
        call = self._implementation(hook, plugin)
        error: str | None = None
        if call is None:
            error = f"plugin {plugin!r} is not loaded"
        else:
            renewer = asyncio.create_task(self._renew(delivery_id))
            try:
                async with asyncio.timeout(settings.hook_timeout):
                    await call(runtime=self.runtime, **payload)
            except TimeoutError:
                error = f"timed out after {settings.hook_timeout}s"
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
            finally:
                renewer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await renewer
        attempts += 1
        now = self.clock()
        values: dict[str, Any]
        if error is None:
            values = {"status": "delivered", "delivered_at": now, "attempts": attempts,
                      "last_error": None}
        else:
            log.error("hook %s of plugin %s failed (attempt %d): %s", hook, plugin, attempts, error)
            dead = call is None or attempts >= settings.hook_max_attempts
            values = {"status": "dead" if dead else "pending", "attempts": attempts,
                      "next_attempt_at": now + backoff(attempts), "last_error": error[:2000]}
        async with self.runtime.db.write() as session:
            await session.execute(
                update(OutboxDelivery).where(OutboxDelivery.id == delivery_id).values(
                    claimed_until=None, **values
                )
            )
