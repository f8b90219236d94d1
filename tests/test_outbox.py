"""Lifecycle hooks run after commit, from the outbox, each implementation isolated."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from engine import hookimpl
from engine.catalog.models import Product
from engine.db.types import utcnow
from engine.errors import ValidationError
from engine.events.models import OutboxDelivery, OutboxEvent
from engine.runtime import Runtime

CREATE = """mutation($i: ProductCreateInput!) { productCreate(input: $i) {
  product { id } errors { field code message } } }"""


class Recorder:
    """Sees the committed product when its lifecycle hook runs."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, int, bool]] = []

    @hookimpl
    async def ruta_product_created(self, runtime: Runtime, product_id: int) -> None:
        async with runtime.db.read() as session:
            committed = await session.get(Product, product_id) is not None
        self.seen.append(("created", product_id, committed))

    @hookimpl
    def ruta_vendor_approved(self, vendor_id: int) -> None:
        self.seen.append(("approved", vendor_id, True))

    @hookimpl
    def ruta_user_registered(self, user_id: int, email: str) -> None:
        self.seen.append(("registered:" + email, user_id, True))

    @hookimpl
    def ruta_vendor_applied(self, vendor_id: int, user_id: int) -> None:
        self.seen.append(("applied", vendor_id, True))

    @hookimpl
    def ruta_product_updated(self, product_id: int) -> None:
        self.seen.append(("updated", product_id, True))

    @hookimpl
    def ruta_product_deleted(self, product_id: int) -> None:
        self.seen.append(("deleted", product_id, True))


class Flaky:
    """Fails ``failures`` times, then succeeds."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    @hookimpl
    def ruta_product_created(self, product_id: int) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError("search index is down")


class Hangs:
    @hookimpl
    async def ruta_product_created(self, product_id: int) -> None:
        await asyncio.sleep(30)


class Refuses:
    @hookimpl
    def ruta_product_validate(self, data: dict[str, Any]) -> None:
        if "forbidden" in (data.get("name") or "").lower():
            raise ValidationError("name", "INVALID", "That word is not allowed here.")


async def deliveries(runtime: Runtime) -> dict[str, tuple[str, int, str | None]]:
    async with runtime.db.read() as session:
        rows = await session.scalars(select(OutboxDelivery).order_by(OutboxDelivery.id))
        return {row.plugin: (row.status, row.attempts, row.last_error) for row in rows}


async def test_every_lifecycle_hook_runs_after_commit(plugged: Any) -> None:
    recorder = Recorder()
    async with plugged(recorder) as client:
        token, _ = await client.vendor("life@example.com", "Life")
        product_id, _ = await client.product(token, "Cake")
        await client.runtime.dispatcher.drain()
        await client.gql("mutation($id: ID!) { productDelete(id: $id) { errors { code } } }",
                         {"id": product_id}, token)
        await client.runtime.dispatcher.drain()
    kinds = [kind for kind, _, _ in recorder.seen]
    assert kinds[:3] == ["registered:life@example.com", "applied", "registered:op-life@example.com"]
    assert {"approved", "created", "updated", "deleted"} <= set(kinds)
    created = [committed for kind, _, committed in recorder.seen if kind == "created"]
    assert created == [True]  # the row was visible: the hook ran after commit


async def test_a_failing_implementation_is_retried_and_isolated(plugged: Any) -> None:
    recorder, flaky = Recorder(), Flaky(failures=2)
    async with plugged(recorder, flaky) as client:
        token, _ = await client.vendor("flaky@example.com", "Flaky")
        data = await client.gql(CREATE, {"i": {"name": "Bread", "kind": "PHYSICAL"}}, token)
        assert data["productCreate"]["errors"] == []  # the transaction is unaffected
        dispatcher = client.runtime.dispatcher
        await dispatcher.drain()
        assert ("created" in [k for k, _, _ in recorder.seen])  # the others still ran
        flaky_name = client.runtime.plugins.get_name(flaky)
        status, attempts, error = (await deliveries(client.runtime))[flaky_name]
        assert (status, attempts) == ("pending", 1) and "search index is down" in (error or "")
        await dispatcher.drain()  # not due yet: backoff
        assert flaky.calls == 1
        dispatcher.clock = lambda: utcnow() + timedelta(seconds=3)
        await dispatcher.drain()
        assert flaky.calls == 2
        dispatcher.clock = lambda: utcnow() + timedelta(seconds=10)
        await dispatcher.drain()
        assert flaky.calls == 3
        assert (await deliveries(client.runtime))[flaky_name][:2] == ("delivered", 3)


async def test_an_implementation_that_keeps_failing_ends_dead(plugged: Any) -> None:
    flaky = Flaky(failures=100)
    async with plugged(flaky, hook_max_attempts=3) as client:
        token, _ = await client.vendor("dead@example.com", "Dead")
        await client.product(token, "Stone")
        dispatcher = client.runtime.dispatcher
        for hours in range(4):
            dispatcher.clock = lambda h=hours: utcnow() + timedelta(hours=h)
            await dispatcher.drain()
        status, attempts, _ = (await deliveries(client.runtime))[
            client.runtime.plugins.get_name(flaky)]
        assert (status, attempts, flaky.calls) == ("dead", 3, 3)


async def test_a_hanging_implementation_times_out_without_blocking_others(plugged: Any
                                                                         ) -> None:
    recorder, hangs = Recorder(), Hangs()
    async with plugged(hangs, recorder, hook_timeout=0.2) as client:
        token, _ = await client.vendor("hang@example.com", "Hang")
        await client.product(token, "Clock")
        await client.runtime.dispatcher.drain()
        status, attempts, error = (await deliveries(client.runtime))[
            client.runtime.plugins.get_name(hangs)]
        assert (status, attempts) == ("pending", 1) and "timed out" in (error or "")
        assert "created" in [k for k, _, _ in recorder.seen]


async def test_a_refused_write_records_no_event(plugged: Any) -> None:
    recorder = Recorder()
    async with plugged(recorder, Refuses()) as client:
        token, _ = await client.vendor("refuse@example.com", "Refuse")
        data = await client.gql(CREATE, {"i": {"name": "Forbidden fruit", "kind": "PHYSICAL"}},
                                token)
        assert data["productCreate"] == {"product": None, "errors": [
            {"field": "name", "code": "INVALID", "message": "That word is not allowed here."}]}
        async with client.runtime.db.read() as session:
            hooks = list(await session.scalars(select(OutboxEvent.hook)))
            products = list(await session.scalars(select(Product)))
        assert "ruta_product_created" not in hooks and products == []
