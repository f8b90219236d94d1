"""No database connection is held across an external call (issue 16, goal 2): while a
Stripe call (payment intent, its check, a payout, a refund and its transfer reversal) or a
VIES check is in flight, the code making it holds no pooled connection.

Each Stripe function of ``engine.payments.stripe_api`` is wrapped to note, at the moment it
is called, the connections the calling task holds (pool ``checkout``/``checkin`` events
record the task that checked each connection out): it must hold none. The pool's total
is not asserted there, since localstripe posts webhooks to the app at the same time. The
VIES check runs in a worker thread with nothing else going on: there the pool's
checked-out count must be 0."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import event

from engine.payments import stripe_api
from engine.runtime import Runtime
from plugins.iberia import vies
from tests.client import Client
from tests.shop import ADDRESS, build, checkout
from tests.test_payments import (  # noqa: F401  (env is a fixture)
    GOOD_CARD,
    REFUND,
    Env,
    enable_payouts,
    env,
    pay,
    place,
    wait_for,
)

STRIPE_CALLS = ("create_intent", "retrieve_intent", "refund", "reverse", "transfer",
                "create_account", "account_link")
VAT = """mutation($id: ID!, $v: String!) { checkoutVatIdUpdate(id: $id, vatId: $v) {
  checkout { id } errors { field code } } }"""


@dataclass
class Call:
    name: str
    held_by_caller: int
    checked_out: int


@dataclass
class Holders:
    """Which task holds which pooled connection, from the pool's own events."""

    by_record: dict[int, asyncio.Task[Any] | None] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)

    def of_current_task(self) -> int:
        try:
            task = asyncio.current_task()
        except RuntimeError:  # a worker thread (VIES): it can hold none of the loop's
            return 0
        return sum(1 for holder in self.by_record.values() if holder is task)


@contextmanager
def holders(runtime: Runtime) -> Iterator[Holders]:
    found = Holders()
    pool = runtime.db.engine.sync_engine.pool

    def on_checkout(_dbapi: Any, record: Any, _proxy: Any) -> None:
        try:
            found.by_record[id(record)] = asyncio.current_task()
        except RuntimeError:
            found.by_record[id(record)] = None

    def on_checkin(_dbapi: Any, record: Any) -> None:
        found.by_record.pop(id(record), None)

    event.listen(pool, "checkout", on_checkout)
    event.listen(pool, "checkin", on_checkin)
    try:
        yield found
    finally:
        event.remove(pool, "checkout", on_checkout)
        event.remove(pool, "checkin", on_checkin)


def noting(found: Holders, runtime: Runtime, name: str,
           call: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    pool = runtime.db.engine.sync_engine.pool

    async def wrapped(*args: Any, **kwargs: Any) -> Any:
        found.calls.append(Call(name, found.of_current_task(), pool.checkedout()))
        return await call(*args, **kwargs)

    return wrapped


async def test_no_connection_is_held_while_stripe_answers(
        env: Env, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    runtime = env.client.runtime
    for account in env.accounts.values():
        await enable_payouts(env, account)
    await runtime.dispatcher.drain()
    with holders(runtime) as found:
        for name in STRIPE_CALLS:
            monkeypatch.setattr(stripe_api, name,
                                noting(found, runtime, name, getattr(stripe_api, name)))
        done = await place(env, {"wine": 2, "tile": 1})  # the intent
        await pay(env, done["paymentAction"]["data"]["paymentIntentId"], GOOD_CARD)
        await wait_for(env, done["order"]["id"], lambda o: o["status"] == "PAID")
        await runtime.dispatcher.drain()  # the payouts
        es_part = done["order"]["vendorOrders"][0]["id"]
        refunded = await env.client.gql(REFUND, {"v": es_part, "a": "10.00"},
                                        env.shop.es_token)
        assert refunded["orderRefund"]["refund"]["status"] == "SUCCEEDED", refunded
        await runtime.dispatcher.drain()
    names = [c.name for c in found.calls]
    for name in ("create_intent", "transfer", "refund", "reverse"):
        assert name in names, names
    assert [c for c in found.calls if c.held_by_caller] == [], found.calls


class ObservedVies(vies.FakeVies):
    """The fake VIES, noting the pool's checked-out connections while it answers."""

    def __init__(self, runtime: Runtime) -> None:
        super().__init__({"PT501964819": vies.VALID})
        self.pool = runtime.db.engine.sync_engine.pool
        self.checked_out: list[int] = []

    def check(self, number: str) -> vies.ViesResult:
        self.checked_out.append(self.pool.checkedout())
        return super().check(number)


async def test_no_connection_is_held_while_vies_answers(client: Client) -> None:
    shop = await build(client)
    observed = ObservedVies(client.runtime)
    vies.use(observed)
    try:
        await client.runtime.dispatcher.drain()
        created = await checkout(client, {"ebook": 1}, shop, shippingAddress=ADDRESS)
        data = await client.gql(VAT, {"id": created["id"], "v": "PT 501 964 819"})
        assert data["checkoutVatIdUpdate"]["errors"] == []
    finally:
        vies.use(None)
    assert observed.calls == ["PT501964819"]
    assert observed.checked_out == [0]
