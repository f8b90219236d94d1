"""A claimed outbox delivery is leased briefly and renewed while its hook runs: another
worker takes over a killed worker's deliveries within the lease, never a live one's."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from engine import hookimpl
from engine.db.types import utcnow
from engine.events.dispatcher import Dispatcher
from engine.events.models import OutboxDelivery


class Slow:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.calls = 0

    @hookimpl
    async def ruta_product_created(self, product_id: int) -> None:
        self.calls += 1
        await asyncio.sleep(self.seconds)


async def delivery_of(client: Any, plugin: object) -> OutboxDelivery:
    name = client.runtime.plugins.get_name(plugin)
    async with client.runtime.db.read() as session:
        row = await session.scalar(select(OutboxDelivery).where(OutboxDelivery.plugin == name))
    assert row is not None
    return row


async def test_a_killed_workers_delivery_is_taken_over_after_the_lease(plugged: Any) -> None:
    slow = Slow(0)
    async with plugged(slow, outbox_lease=10) as client:
        client.runtime.dispatcher.wake = lambda: None  # this worker will "die" instead
        token, _ = await client.vendor("lease@example.com", "Lease")
        await client.product(token, "Leased")
        delivery = await delivery_of(client, slow)
        claimed_at = utcnow()
        assert await client.runtime.dispatcher._claim(delivery.id, claimed_at)  # then killed

        def later(seconds: float) -> Dispatcher:
            return Dispatcher(client.runtime, clock=lambda: claimed_at + timedelta(
                seconds=seconds))

        await later(9).run_due()
        assert slow.calls == 0  # still leased to the dead worker
        await later(11).run_due()
        assert slow.calls == 1
        assert (await delivery_of(client, slow)).status == "delivered"


async def test_a_live_workers_lease_is_renewed_while_its_hook_runs(plugged: Any) -> None:
    slow = Slow(3.0)
    async with plugged(slow, outbox_lease=2, hook_timeout=10) as client:
        client.runtime.dispatcher.wake = lambda: None
        token, _ = await client.vendor("renew@example.com", "Renew")
        await client.product(token, "Renewed")
        first = asyncio.create_task(Dispatcher(client.runtime).run_due())
        await asyncio.sleep(2.5)  # past the first lease: renewed meanwhile
        other = await Dispatcher(client.runtime).run_due()
        assert await first >= 1
        assert other == 0 and slow.calls == 1
        assert (await delivery_of(client, slow)).status == "delivered"
