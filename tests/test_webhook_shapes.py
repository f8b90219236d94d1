"""Signed but malformed Stripe events are a 400 with one log line, never a 500 (issue 10,
item 16), and the body is only parsed after its signature checks out (item 5)."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
import stripe
from sqlalchemy import func, select

from engine.payments.models import StripeEvent
from tests.client import Client
from tests.stripe_fake import WEBHOOK_SECRET, event


def signed_text(text: str) -> dict[str, str]:
    return {"Content-Type": "application/json",
            "Stripe-Signature": stripe.WebhookSignature.generate_signature_header(
                text, WEBHOOK_SECRET)}

INTENT = {"id": "pi_1", "object": "payment_intent", "amount": 1000, "currency": "eur",
          "metadata": {"order_id": "1"}}


def without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


MALFORMED: dict[str, Any] = {
    "empty data": {**event("payment_intent.succeeded", INTENT), "data": {}},
    "empty data, other type": {**event("customer.created", {}), "data": {}},
    "data is a list": {**event("payment_intent.succeeded", INTENT), "data": []},
    "object is a string": {**event("payment_intent.succeeded", INTENT),
                           "data": {"object": "pi_1"}},
    "not an object": [event("payment_intent.succeeded", INTENT)],
    "no id": without(event("payment_intent.succeeded", INTENT), "id"),
    "type is a number": {**event("payment_intent.succeeded", INTENT), "type": 7},
    "created is a string": {**event("payment_intent.succeeded", INTENT), "created": "today"},
    "created is huge": {**event("payment_intent.succeeded", INTENT), "created": 10**20},
    "amount is a string": event("payment_intent.succeeded", {**INTENT, "amount": "10.00"}),
    "amount is negative": event("payment_intent.succeeded", {**INTENT, "amount": -1}),
    "amount is huge": event("payment_intent.succeeded", {**INTENT, "amount": 10**30}),
    "amount is a bool": event("payment_intent.succeeded", {**INTENT, "amount": True}),
    "no currency": event("payment_intent.succeeded", without(INTENT, "currency")),
    "nested metadata": event("payment_intent.succeeded",
                             {**INTENT, "metadata": {"order_id": {"$gt": ""}}}),
    "intent without id": event("payment_intent.payment_failed", without(INTENT, "id")),
    "error is a string": event("payment_intent.payment_failed",
                               {**INTENT, "last_payment_error": "declined"}),
    "canceled without id": event("payment_intent.canceled", {}),
    "refund without amount": event("charge.refunded", {"id": "ch_1", "payment_intent": "pi_1"}),
    "refund intent is a list": event("charge.refunded", {"amount_refunded": 5,
                                                         "payment_intent": ["pi_1"]}),
    "account without id": event("account.updated", {"payouts_enabled": True}),
    "payouts is a string": event("account.updated", {"id": "acct_1", "payouts_enabled": "yes"}),
}


async def stored_events(client: Client) -> int:
    async with client.runtime.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(StripeEvent)) or 0)


@pytest.fixture
async def hooked(plugged: Any) -> Any:
    async with plugged(stripe_webhook_secret=WEBHOOK_SECRET) as client:
        yield client


@pytest.mark.parametrize("case", list(MALFORMED))
async def test_a_signed_malformed_event_is_a_400_logged_once(
        hooked: Client, case: str, caplog: pytest.LogCaptureFixture) -> None:
    body = json.dumps(MALFORMED[case])
    with caplog.at_level(logging.WARNING):
        response = await hooked.http.post("/webhooks/stripe", content=body,
                                          headers=signed_text(body))
    assert response.status_code == 400, response.text
    assert response.json()["error"].startswith("Malformed event")
    records = [r for r in caplog.records if r.name == "engine.payments.webhooks"]
    assert len(records) == 1 and records[0].exc_info is None
    assert "\n" not in records[0].getMessage()
    assert await stored_events(hooked) == 0


async def test_a_well_formed_event_of_another_type_is_accepted(hooked: Client) -> None:
    body = json.dumps(event("customer.created", {"id": "cus_1", "object": "customer"}))
    response = await hooked.http.post("/webhooks/stripe", content=body,
                                      headers=signed_text(body))
    assert response.json() == {"received": True, "outcome": "applied"}


async def test_deep_nesting_is_a_400_signed_or_not(hooked: Client) -> None:
    unsigned = await hooked.http.post("/webhooks/stripe", content="[" * 100_000,
                                      headers={"content-type": "application/json"})
    assert unsigned.status_code == 400
    deep = '{"id": "evt_deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = await hooked.http.post("/webhooks/stripe", content=deep,
                                      headers=signed_text(deep))
    assert response.status_code == 400
    assert await stored_events(hooked) == 0
