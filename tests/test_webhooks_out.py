"""Outbound webhooks: registered by operators, signed, retried, logged, replayable.

Every delivery goes to a real HTTP server on loopback (``tests/webhook_receiver.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from engine.db.types import utcnow
from engine.events.models import OutboxDelivery
from engine.webhooks_out import sender, signing
from engine.webhooks_out.models import WebhookDelivery
from tests.client import Client
from tests.webhook_receiver import Receiver, receiver

PLUGIN = "engine.webhooks_out.hooks"
CREATE = """mutation($i: WebhookCreateInput!) { webhookCreate(input: $i) {
  webhook { id name url events isActive } secret errors { field code message } } }"""
UPDATE = """mutation($id: ID!, $i: WebhookUpdateInput!) { webhookUpdate(id: $id, input: $i) {
  webhook { id isActive events } secret errors { field code message } } }"""
DELETE = """mutation($id: ID!) { webhookDelete(id: $id) { webhook { id } errors { code } } }"""
LIST = "{ webhooks(first: 10) { totalCount edges { node { id name url events } } } }"
DELIVERIES = """query($status: WebhookDeliveryStatus) { webhookDeliveries(first: 20,
  status: $status) { totalCount edges { node { id eventId eventType status attempts
  lastStatusCode lastError payload } } } }"""
RETRY = """mutation($id: ID!) { webhookDeliveryRetry(id: $id) {
  delivery { id status attempts eventId } errors { code } } }"""


@pytest.fixture
def endpoint() -> Iterator[Receiver]:
    with receiver() as r:
        yield r


async def register(client: Client, operator: str, url: str,
                   events: list[str]) -> tuple[str, str]:
    await drain(client)  # earlier events (the operator's sign-up) go before the endpoint
    data = await client.gql(CREATE, {"i": {"name": "ERP", "url": url, "events": events}},
                            operator)
    payload = data["webhookCreate"]
    assert payload["errors"] == [], payload
    return payload["webhook"]["id"], payload["secret"]


async def drain(client: Client) -> None:
    assert client.runtime.dispatcher is not None
    await client.runtime.dispatcher.drain()


def verified(endpoint: Receiver, secret: str) -> list[dict[str, Any]]:
    """Every received body, after checking its signature and event-id header."""
    bodies = []
    for got in endpoint.received:
        assert signing.verify(got.headers["Ruta-Signature"], secret, got.body)
        assert not signing.verify(got.headers["Ruta-Signature"], "whsec_other", got.body)
        body = json.loads(got.body)
        assert got.headers["Ruta-Event-Id"] == body["id"]
        assert got.headers["Ruta-Event-Type"] == body["type"]
        bodies.append(body)
    return bodies


async def test_a_subscribed_event_is_posted_signed_with_a_thin_payload(
        client: Client, endpoint: Receiver, monkeypatch: pytest.MonkeyPatch) -> None:
    operator = await client.operator("ops@example.com")
    webhook_id, secret = await register(client, operator, endpoint.url,
                                        ["PRODUCT_CREATED", "USER_REGISTERED"])
    # deliveries run only in drain() below, with nothing else going on: then any connection
    # checked out while the endpoint handles a request is one the sender holds
    monkeypatch.setattr(client.runtime.dispatcher, "wake", lambda: None)
    assert secret.startswith("whsec_") and len(secret) > 40
    pool = client.runtime.db.engine.sync_engine.pool
    endpoint.observe = pool.checkedout  # type: ignore[attr-defined]

    token, vendor_id = await client.vendor("seller@example.com", "Seller")
    product_id, _ = await client.product(token, "Cork board")
    await drain(client)

    bodies = verified(endpoint, secret)
    assert [b["type"] for b in bodies] == ["user.registered", "user.registered",
                                           "product.created"]
    created = bodies[-1]
    assert created["data"] == {"product": {"id": product_id}, "vendor": {"id": vendor_id}}
    assert created["id"].startswith("evt_")
    raw = b"".join(got.body for got in endpoint.received)
    assert b"@example.com" not in raw and secret.encode() not in raw  # no e-mails, no secret
    assert [got.observed for got in endpoint.received] == [0, 0, 0]  # no connection held
    assert endpoint.received[0].path == "/hooks/ruta"

    listed = await client.gql(LIST, {}, operator)
    assert listed["webhooks"]["totalCount"] == 1
    assert listed["webhooks"]["edges"][0]["node"] == {
        "id": webhook_id, "name": "ERP", "url": endpoint.url,
        "events": ["PRODUCT_CREATED", "USER_REGISTERED"]}
    log = (await client.gql(DELIVERIES, {}, operator))["webhookDeliveries"]
    assert log["totalCount"] == 3
    assert {e["node"]["status"] for e in log["edges"]} == {"DELIVERED"}
    assert log["edges"][-1]["node"]["payload"] == created


async def test_a_failing_endpoint_gets_the_same_event_again_with_backoff(
        client: Client, endpoint: Receiver) -> None:
    operator = await client.operator("ops@example.com")
    _, secret = await register(client, operator, endpoint.url, ["PRODUCT_CREATED"])
    endpoint.statuses = [500, 503]
    token, _ = await client.vendor("seller@example.com", "Seller")
    await client.product(token, "Fig jam")
    await drain(client)

    failed = (await client.gql(DELIVERIES, {"status": "PENDING"}, operator))
    [node] = [e["node"] for e in failed["webhookDeliveries"]["edges"]]
    assert (node["attempts"], node["lastStatusCode"]) == (1, 500)
    assert node["lastError"].startswith("HTTP 500")
    runtime = client.runtime
    assert await sender.send_due(runtime) == 0  # not due yet: backoff
    later = utcnow() + timedelta(seconds=11)
    assert await sender.send_due(runtime, clock=lambda: later) == 1  # 503 again
    assert await sender.send_due(runtime, clock=lambda: later) == 0
    much_later = utcnow() + timedelta(seconds=60)
    assert await sender.send_due(runtime, clock=lambda: much_later) == 1

    bodies = verified(endpoint, secret)
    assert len(bodies) == 3 and len({b["id"] for b in bodies}) == 1  # one event, three tries
    assert len({got.body for got in endpoint.received}) == 1
    done = (await client.gql(DELIVERIES, {"status": "DELIVERED"}, operator))
    [node] = [e["node"] for e in done["webhookDeliveries"]["edges"]]
    assert (node["attempts"], node["lastStatusCode"], node["lastError"]) == (3, 200, None)


async def test_an_endpoint_that_keeps_failing_ends_failed_and_can_be_replayed(
        client: Client, endpoint: Receiver) -> None:
    operator = await client.operator("ops@example.com")
    await register(client, operator, endpoint.url, ["VENDOR_APPLIED"])
    endpoint.statuses = [500] * 8
    await client.vendor("seller@example.com", "Seller", approve=False)
    await drain(client)
    for attempt in range(2, 9):
        clock = utcnow() + timedelta(hours=attempt)
        assert await sender.send_due(client.runtime, clock=lambda c=clock: c) == 1
    [node] = [e["node"] for e in (await client.gql(DELIVERIES, {"status": "FAILED"}, operator)
                                  )["webhookDeliveries"]["edges"]]
    assert node["attempts"] == 8
    assert await sender.send_due(client.runtime,
                                 clock=lambda: utcnow() + timedelta(days=2)) == 0

    retried = (await client.gql(RETRY, {"id": node["id"]}, operator))["webhookDeliveryRetry"]
    assert retried == {"delivery": {"id": node["id"], "status": "DELIVERED", "attempts": 9,
                                    "eventId": node["eventId"]}, "errors": []}
    assert len(endpoint.received) == 9
    assert {got.headers["Ruta-Event-Id"] for got in endpoint.received} == {node["eventId"]}


async def test_a_redelivered_outbox_event_is_not_sent_twice(
        client: Client, endpoint: Receiver) -> None:
    operator = await client.operator("ops@example.com")
    await register(client, operator, endpoint.url, ["PRODUCT_CREATED"])
    token, _ = await client.vendor("seller@example.com", "Seller")
    await client.product(token, "Cheese")
    await drain(client)
    assert len(endpoint.received) == 1
    async with client.runtime.db.write() as session:  # the outbox delivers at least once
        await session.execute(update(OutboxDelivery).where(OutboxDelivery.plugin == PLUGIN)
                              .values(status="pending"))
    await drain(client)
    assert len(endpoint.received) == 1
    async with client.runtime.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(WebhookDelivery)) == 1


async def test_inactive_and_deleted_endpoints_receive_nothing(
        client: Client, endpoint: Receiver) -> None:
    operator = await client.operator("ops@example.com")
    webhook_id, _ = await register(client, operator, endpoint.url, ["PRODUCT_CREATED"])
    paused = await client.gql(UPDATE, {"id": webhook_id, "i": {"isActive": False}}, operator)
    assert paused["webhookUpdate"]["webhook"]["isActive"] is False
    assert paused["webhookUpdate"]["secret"] is None  # shown only when rotated
    token, _ = await client.vendor("seller@example.com", "Seller")
    await client.product(token, "Bread")
    await drain(client)
    assert endpoint.received == []

    rotated = await client.gql(UPDATE, {"id": webhook_id, "i": {
        "isActive": True, "rotateSecret": True}}, operator)
    new_secret = rotated["webhookUpdate"]["secret"]
    await client.product(token, "Wine")
    await drain(client)
    assert [b["type"] for b in verified(endpoint, new_secret)] == ["product.created"]

    gone = await client.gql(DELETE, {"id": webhook_id}, operator)
    assert gone["webhookDelete"] == {"webhook": {"id": webhook_id}, "errors": []}
    await client.product(token, "Oil")
    await drain(client)
    assert len(endpoint.received) == 1
    assert (await client.gql(DELIVERIES, {}, operator))["webhookDeliveries"]["totalCount"] == 0


async def test_only_operators_manage_webhooks(client: Client, endpoint: Receiver) -> None:
    vendor, _ = await client.vendor("seller@example.com", "Seller")
    variables = {"i": {"name": "x", "url": endpoint.url, "events": ["ORDER_PAID"]}}
    for token, code in ((None, "UNAUTHENTICATED"), (vendor, "PERMISSION_DENIED")):
        for query, args in ((CREATE, variables), (LIST, {}), (DELIVERIES, {}),
                            (RETRY, {"id": "V2ViaG9va0RlbGl2ZXJ5OjE="})):
            body = await client.raw(query, args, token)
            assert [e["extensions"]["code"] for e in body["errors"]] == [code], query
    operator = await client.operator("ops@example.com")
    assert (await client.gql(LIST, {}, operator))["webhooks"]["totalCount"] == 0


@pytest.mark.parametrize(("url", "code"), [
    ("http://hooks.example.com/ruta", "INSECURE_URL"),
    ("http://10.0.0.8/ruta", "INSECURE_URL"),
    ("ftp://hooks.example.com/ruta", "INVALID_URL"),
    ("https://user:pw@hooks.example.com/", "INVALID_URL"),
    ("hooks.example.com", "INVALID_URL"),
])
async def test_endpoints_must_be_https_except_on_loopback(
        client: Client, url: str, code: str) -> None:
    operator = await client.operator("ops@example.com")
    data = await client.gql(CREATE, {"i": {"name": "x", "url": url, "events": ["ORDER_PAID"]}},
                            operator)
    assert [e["code"] for e in data["webhookCreate"]["errors"]] == [code]
    assert data["webhookCreate"]["webhook"] is None
    assert (await client.gql(LIST, {}, operator))["webhooks"]["totalCount"] == 0
    empty = await client.gql(CREATE, {"i": {"name": "x", "url": "https://hooks.example.com/",
                                            "events": []}}, operator)
    assert [e["code"] for e in empty["webhookCreate"]["errors"]] == ["REQUIRED"]


async def test_production_refuses_plain_http_even_on_loopback(plugged: Any) -> None:
    async with plugged(mode="production") as client:
        operator = await client.operator("ops@example.com")
        variables = {"i": {"name": "x", "url": "http://127.0.0.1:9/x", "events": ["ORDER_PAID"]}}
        data = await client.gql(CREATE, variables, operator)
        assert [e["code"] for e in data["webhookCreate"]["errors"]] == ["INSECURE_URL"]


def test_signatures_refuse_tampering_and_stale_timestamps() -> None:
    body = b'{"id":"evt_1"}'
    header = signing.signature_header("whsec_x", body, timestamp=1_700_000_000)
    assert signing.verify(header, "whsec_x", body, now=1_700_000_100)
    assert not signing.verify(header, "whsec_x", body + b" ", now=1_700_000_100)
    assert not signing.verify(header, "whsec_x", body, now=1_700_000_000 + 301)
    assert not signing.verify("v1=abc", "whsec_x", body)
