"""Card payments through a real fake Stripe (localstripe on 127.0.0.1), webhooks delivered
to the running app, per-vendor payouts through (faked) Connect, refunds and reconciliation."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
import stripe
from sqlalchemy import func, select

from engine import maintenance
from engine.api.ids import decode_id
from engine.db.types import utcnow
from engine.events.models import OutboxEvent
from engine.payments.reconcile import reconcile
from tests.client import Client
from tests.shop import Shop, build, ready
from tests.stripe_fake import (
    CONNECT,
    SECRET_KEY,
    WEBHOOK_SECRET,
    event,
    localstripe,
    serve,
    signed,
)
from tests.stripe_fake import client as stripe_client

COMPLETE = """mutation($id: ID!, $g: String!) { checkoutComplete(id: $id, paymentGateway: $g) {
  order { id number status total { gross { amount } } vendorOrders { id total { gross {
    amount } } } }
  orderToken paymentAction { gateway type clientSecret data } errors { field code message } } }"""
STATUS = """query($id: ID!) { order(id: $id) { status payments { status error amount { amount }
  refunded { amount } } vendorOrders { status } } }"""
ONBOARD = "mutation { vendorPaymentOnboarding { url errors { code } } }"
REFUND = """mutation($v: ID!, $a: Decimal) { orderRefund(vendorOrderId: $v, amount: $a) {
  refund { amount { amount } status } errors { field code message } } }"""
GOOD_CARD, DECLINED_CARD, THREE_D_SECURE_CARD = ("4242424242424242", "4000000000000341",
                                                 "4000002760003184")


@dataclass
class Env:
    client: Client
    api_base: str
    app_url: str
    shop: Shop
    accounts: dict[str, str]


async def enable_payouts(env: Env, account_id: str) -> None:
    body, headers = signed(event("account.updated", {
        "id": account_id, "object": "account", "payouts_enabled": True}))
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{env.app_url}/webhooks/stripe", content=body,
                                   headers=headers)
    assert response.status_code == 200, response.text


@pytest.fixture
async def env(plugged: Any) -> AsyncIterator[Env]:
    CONNECT.accounts.clear(), CONNECT.transfers.clear(), CONNECT.reversals.clear()
    async with localstripe() as api_base:
        async with httpx.AsyncClient() as http:
            await http.delete(f"{api_base}/_config/data")
        # the figures below take the commission on the gross (RUTA_COMMISSION_BASE=gross);
        # the default net base is tested in tests/plugins/iberia/test_commission_invoices.py
        async with plugged(stripe_secret_key=SECRET_KEY, stripe_webhook_secret=WEBHOOK_SECRET,
                           stripe_api_base=api_base, commission_base="gross"
                           ) as client, serve(client.app) as app_url:
            async with httpx.AsyncClient() as http:
                await http.post(f"{api_base}/_config/webhooks/ruta", data={
                    "url": f"{app_url}/webhooks/stripe", "secret": WEBHOOK_SECRET})
            shop = await build(client)
            accounts = {}
            for key, token in (("es", shop.es_token), ("pt", shop.pt_token)):
                url = (await client.gql(ONBOARD, token=token))["vendorPaymentOnboarding"]["url"]
                accounts[key] = url.rsplit("/", 1)[1]
            yield Env(client, api_base, app_url, shop, accounts)


async def place(env: Env, lines: dict[str, int], token: str | None = None) -> dict[str, Any]:
    checkout_id = await ready(env.client, env.shop, lines, token)
    data = await env.client.gql(COMPLETE, {"id": checkout_id, "g": "stripe"}, token)
    done: dict[str, Any] = data["checkoutComplete"]
    assert done["errors"] == [], done
    done["checkoutId"] = checkout_id
    return done


async def pay(env: Env, intent_id: str, card: str) -> Any:
    """What Stripe.js does in the buyer's browser: attach the card and confirm."""
    sc = stripe_client(env.api_base)
    method = await sc.v1.payment_methods.create_async(params={
        "type": "card", "card": {"number": card, "exp_month": 12, "exp_year": 2034,
                                 "cvc": "123"}})
    await sc.v1.payment_intents.update_async(intent_id, params={"payment_method": method.id})
    return await sc.v1.payment_intents.confirm_async(intent_id)


async def wait_for(env: Env, order_id: str, check: Any, token: str | None = None
                   ) -> dict[str, Any]:
    operator = await env.client.login("shop-op@example.com")
    for _ in range(60):
        data = (await env.client.gql(STATUS, {"id": order_id}, token or operator))["order"]
        if check(data):
            return data  # type: ignore[no-any-return]
        await asyncio.sleep(0.1)
    raise AssertionError(f"order never reached the expected state: {data}")


async def test_card_payment_pays_the_order_by_webhook_and_each_vendor_its_share(env: Env
                                                                               ) -> None:
    for account in env.accounts.values():
        await enable_payouts(env, account)
    done = await place(env, {"wine": 2, "tile": 1})
    action = done["paymentAction"]
    assert action["type"] == "CONFIRM_CARD_PAYMENT" and action["clientSecret"].startswith("pi_")
    await pay(env, action["data"]["paymentIntentId"], GOOD_CARD)
    order = done["order"]
    await wait_for(env, order["id"], lambda o: o["status"] == "PAID")
    await env.client.runtime.dispatcher.drain()
    transfers = sorted(CONNECT.transfers.values(), key=lambda t: t["destination"])
    charge = int(Decimal(order["total"]["gross"]["amount"]) * 100)
    vendor_totals = {v["id"]: Decimal(v["total"]["gross"]["amount"])
                     for v in order["vendorOrders"]}
    assert sum(vendor_totals.values()) * 100 == charge
    # ES: 2 x 12.10 + 4.95 = 29.15, 10 % = 2.92 (half-up), pays 26.23; PT: 21.50 -> 2.15, 19.35
    assert [(t["destination"], t["amount"]) for t in transfers] == [
        (env.accounts["es"], 2623), (env.accounts["pt"], 1935)]
    assert {t["transfer_group"] for t in transfers} == {str(order["number"])}
    commissions = charge - sum(t["amount"] for t in transfers)
    assert commissions == 292 + 215
    balance = await env.client.gql("""{ myVendor { balance { sales { amount } commission {
        amount } paidOut { amount } owed { amount } } payouts { amount { amount } status } } }""",
                                   token=env.shop.es_token)
    assert balance["myVendor"]["balance"] == {
        "sales": {"amount": "29.15"}, "commission": {"amount": "2.92"},
        "paidOut": {"amount": "26.23"}, "owed": {"amount": "0.00"}}
    assert balance["myVendor"]["payouts"] == [{"amount": {"amount": "26.23"}, "status": "SENT"}]
    await env.client.runtime.dispatcher.drain()
    assert len(CONNECT.transfers) == 2  # retried hooks never pay twice


async def test_payouts_wait_until_the_vendor_can_receive_them(env: Env) -> None:
    done = await place(env, {"tile": 1})
    await pay(env, done["paymentAction"]["data"]["paymentIntentId"], GOOD_CARD)
    await wait_for(env, done["order"]["id"], lambda o: o["status"] == "PAID")
    await env.client.runtime.dispatcher.drain()
    assert CONNECT.transfers == {}
    await enable_payouts(env, env.accounts["pt"])
    await maintenance.tick(env.client.runtime)
    assert [t["amount"] for t in CONNECT.transfers.values()] == [1935]


async def test_a_declined_card_leaves_the_order_unpaid_with_a_clear_error(env: Env) -> None:
    done = await place(env, {"tile": 1})
    with pytest.raises(stripe.CardError):
        await pay(env, done["paymentAction"]["data"]["paymentIntentId"], DECLINED_CARD)
    order = await wait_for(env, done["order"]["id"],
                           lambda o: o["payments"] and o["payments"][0]["status"] == "FAILED")
    assert order["status"] == "UNPAID"
    assert order["payments"][0]["error"]


async def test_a_3d_secure_card_needs_the_customer(env: Env) -> None:
    done = await place(env, {"tile": 1})
    intent = await pay(env, done["paymentAction"]["data"]["paymentIntentId"],
                       THREE_D_SECURE_CARD)
    assert intent.status == "requires_action"
    again = await env.client.gql(COMPLETE, {"id": done["checkoutId"], "g": "stripe"})
    action = again["checkoutComplete"]["paymentAction"]
    assert action["data"]["status"] == "requires_action" and action["clientSecret"]
    assert again["checkoutComplete"]["order"]["status"] == "UNPAID"


def intent_event(done: dict[str, Any], env: Env, **changes: Any) -> dict[str, Any]:
    order = done["order"]
    return event("payment_intent.succeeded", {
        "id": done["paymentAction"]["data"]["paymentIntentId"], "object": "payment_intent",
        "amount": int(Decimal(order["total"]["gross"]["amount"]) * 100), "currency": "eur",
        "status": "succeeded",
        "metadata": {"order_id": str(decode_id(order["id"], "Order")),
                     "order_number": str(order["number"])}, **changes})


async def paid_events(env: Env) -> int:
    async with env.client.runtime.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(OutboxEvent).where(
            OutboxEvent.hook == "ruta_order_paid")) or 0)


async def test_webhooks_are_verified_and_never_applied_twice(env: Env) -> None:
    done = await place(env, {"tile": 1})
    good = intent_event(done, env)
    body, headers = signed(good)
    forged = signed(good, secret="whsec_someone_else")
    stale = signed(good, timestamp=int(time.time()) - 400)
    reserialised = json.dumps(json.loads(body), indent=1)
    mismatched = signed(intent_event(done, env, amount=1))
    async with httpx.AsyncClient(base_url=env.app_url) as http:
        refused = [
            await http.post("/webhooks/stripe", content=body),
            await http.post("/webhooks/stripe", content=forged[0], headers=forged[1]),
            await http.post("/webhooks/stripe", content=stale[0], headers=stale[1]),
            await http.post("/webhooks/stripe", content=reserialised, headers=headers),
            await http.post("/webhooks/stripe", content=mismatched[0], headers=mismatched[1]),
        ]
        assert [r.status_code for r in refused] == [400] * 5
        status = await wait_for(env, done["order"]["id"], lambda o: True)
        assert status["status"] == "UNPAID"
        deliveries = await asyncio.gather(*(http.post("/webhooks/stripe", content=body,
                                                      headers=headers) for _ in range(5)))
    assert [r.status_code for r in deliveries] == [200] * 5
    assert sorted(r.json()["outcome"] for r in deliveries) == ["applied"] + ["duplicate"] * 4
    assert (await wait_for(env, done["order"]["id"], lambda o: True))["status"] == "PAID"
    assert await paid_events(env) == 1


async def test_refunds_never_exceed_what_was_paid_even_when_they_race(env: Env) -> None:
    for account in env.accounts.values():
        await enable_payouts(env, account)
    done = await place(env, {"wine": 2, "tile": 1})
    await pay(env, done["paymentAction"]["data"]["paymentIntentId"], GOOD_CARD)
    await wait_for(env, done["order"]["id"], lambda o: o["status"] == "PAID")
    await env.client.runtime.dispatcher.drain()
    es_part = done["order"]["vendorOrders"][0]["id"]  # 29.15
    thief = await env.client.raw(REFUND, {"v": es_part, "a": "1.00"}, env.shop.pt_token)
    assert thief["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    partial = await env.client.gql(REFUND, {"v": es_part, "a": "10.00"}, env.shop.es_token)
    assert partial["orderRefund"]["refund"] == {"amount": {"amount": "10.00"},
                                                "status": "SUCCEEDED"}
    over = await env.client.gql(REFUND, {"v": es_part, "a": "19.16"}, env.shop.es_token)
    assert over["orderRefund"]["errors"][0]["code"] == "OVER_REFUND"
    raced = await asyncio.gather(*(env.client.gql(REFUND, {"v": es_part, "a": "12.00"},
                                                  env.shop.es_token) for _ in range(2)))
    outcomes = sorted(r["orderRefund"]["errors"][0]["code"] if r["orderRefund"]["errors"]
                      else "OK" for r in raced)
    assert outcomes == ["OK", "OVER_REFUND"]
    status = await wait_for(env, done["order"]["id"], lambda o: True)
    assert status["payments"][0]["refunded"] == {"amount": "22.00"}
    assert status["vendorOrders"][0]["status"] == "PARTIALLY_REFUNDED"
    # the vendor gives back its share (the platform its commission share): 22.00 - 2.21
    assert [r["amount"] for r in CONNECT.reversals] == [900, 1080]
    intent = await stripe_client(env.api_base).v1.payment_intents.retrieve_async(
        done["paymentAction"]["data"]["paymentIntentId"])
    assert intent.amount >= 2200


async def test_cancelling_a_paid_order_refunds_it(env: Env) -> None:
    done = await place(env, {"tile": 1})
    await pay(env, done["paymentAction"]["data"]["paymentIntentId"], GOOD_CARD)
    await wait_for(env, done["order"]["id"], lambda o: o["status"] == "PAID")
    operator = await env.client.login("shop-op@example.com")
    cancelled = await env.client.gql("""mutation($id: ID!) { orderCancel(id: $id) { order {
        status } errors { code } } }""", {"id": done["order"]["id"]}, operator)
    assert cancelled["orderCancel"]["order"]["status"] == "CANCELLED"
    await env.client.runtime.dispatcher.drain()
    status = await wait_for(env, done["order"]["id"], lambda o: True)
    assert status["payments"][0]["refunded"] == {"amount": "21.50"}


async def test_reconciliation_fixes_a_lost_webhook_exactly_once(env: Env) -> None:
    async with httpx.AsyncClient() as http:  # the webhook goes nowhere this time
        await http.post(f"{env.api_base}/_config/webhooks/ruta", data={
            "url": "http://127.0.0.1:9/lost", "secret": WEBHOOK_SECRET})
    done = await place(env, {"tile": 1})
    await pay(env, done["paymentAction"]["data"]["paymentIntentId"], GOOD_CARD)
    await asyncio.sleep(1.5)
    assert (await wait_for(env, done["order"]["id"], lambda o: True))["status"] == "UNPAID"
    first = await reconcile(env.client.runtime)
    second = await reconcile(env.client.runtime)
    assert len(first.fixed) == 1 and second.fixed == []
    assert (await wait_for(env, done["order"]["id"], lambda o: True))["status"] == "PAID"
    assert await paid_events(env) == 1


async def test_no_secret_is_readable_through_the_api_or_the_logs(
        env: Env, caplog: pytest.LogCaptureFixture) -> None:
    ana = await env.client.register("ana@example.com")
    done = await place(env, {"tile": 1}, ana)
    settings = env.client.runtime.settings
    assert SECRET_KEY not in repr(settings) and WEBHOOK_SECRET not in repr(settings)
    bob = await env.client.register("bob@example.com")
    stolen = await env.client.gql(COMPLETE, {"id": done["checkoutId"], "g": "stripe"}, bob)
    assert stolen["checkoutComplete"]["paymentAction"] is None
    assert stolen["checkoutComplete"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await env.client.gql(STATUS, {"id": done["order"]["id"]}, bob))["order"] is None
    schema = env.client.app.state.schema.as_str().lower()
    assert "secretkey" not in schema and "webhooksecret" not in schema
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (SECRET_KEY, WEBHOOK_SECRET, done["paymentAction"]["clientSecret"]):
        assert secret not in logged


async def test_onboarding_creates_the_connected_account_once(env: Env) -> None:
    again = (await env.client.gql(ONBOARD, token=env.shop.es_token))["vendorPaymentOnboarding"]
    assert again["url"].endswith(env.accounts["es"])
    assert len(CONNECT.accounts) == 2
    customer = await env.client.register("nobody@example.com")
    body = await env.client.raw(ONBOARD, token=customer)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_a_failed_transfer_is_retried_and_paid_once(env: Env) -> None:
    await enable_payouts(env, env.accounts["pt"])
    CONNECT.fail_transfers = 3  # the SDK itself retries twice (same idempotency key)
    done = await place(env, {"tile": 1})
    await pay(env, done["paymentAction"]["data"]["paymentIntentId"], GOOD_CARD)
    await wait_for(env, done["order"]["id"], lambda o: o["status"] == "PAID")
    dispatcher = env.client.runtime.dispatcher
    await dispatcher.drain()
    assert CONNECT.transfers == {}  # the first attempt failed; the outbox retries it
    dispatcher.clock = lambda: utcnow() + timedelta(minutes=10)
    await dispatcher.drain()
    await maintenance.tick(env.client.runtime)
    assert [t["amount"] for t in CONNECT.transfers.values()] == [1935]


async def test_older_or_other_events_never_move_a_payment_back(env: Env) -> None:
    done = await place(env, {"tile": 1})
    intent_id = done["paymentAction"]["data"]["paymentIntentId"]
    await pay(env, intent_id, GOOD_CARD)
    await wait_for(env, done["order"]["id"], lambda o: o["status"] == "PAID")
    older = int(time.time()) - 60
    late_failure = signed(event("payment_intent.payment_failed", {
        "id": intent_id, "object": "payment_intent", "amount": 2150, "currency": "eur",
        "last_payment_error": {"message": "declined"}}, created=older))
    refunded = signed(event("charge.refunded", {
        "id": "ch_x", "object": "charge", "payment_intent": intent_id,
        "amount_refunded": 500}))
    async with httpx.AsyncClient(base_url=env.app_url) as http:
        for body, headers in (late_failure, refunded):
            assert (await http.post("/webhooks/stripe", content=body,
                                    headers=headers)).status_code == 200
    status = await wait_for(env, done["order"]["id"], lambda o: True)
    assert status["status"] == "PAID"
    assert status["payments"][0]["status"] == "SUCCEEDED"
    assert status["payments"][0]["refunded"] == {"amount": "5.00"}


async def test_a_canceled_intent_leaves_the_order_unpaid(env: Env) -> None:
    done = await place(env, {"tile": 1})
    intent_id = done["paymentAction"]["data"]["paymentIntentId"]
    body, headers = signed(event("payment_intent.canceled", {
        "id": intent_id, "object": "payment_intent", "amount": 2150, "currency": "eur"}))
    async with httpx.AsyncClient(base_url=env.app_url) as http:
        assert (await http.post("/webhooks/stripe", content=body,
                                headers=headers)).status_code == 200
    status = await wait_for(env, done["order"]["id"], lambda o: True)
    assert (status["status"], status["payments"][0]["status"]) == ("UNPAID", "CANCELED")


CARD = """mutation($o: ID!, $t: String) { orderCardPayment(orderId: $o, token: $t) {
  order { status } paymentAction { type clientSecret data } errors { field code message } } }"""
SHOP_CARDS = "{ shop { cardPayments { gateway publishableKey scriptUrl } } }"


async def test_the_card_payment_is_checked_with_stripe_not_the_browser(env: Env) -> None:
    async with httpx.AsyncClient() as http:  # no webhook: only orderCardPayment can pay it
        await http.post(f"{env.api_base}/_config/webhooks/ruta", data={
            "url": "http://127.0.0.1:9/lost", "secret": WEBHOOK_SECRET})
    done = await place(env, {"tile": 1})
    order_id, token = done["order"]["id"], done["orderToken"]
    first = (await env.client.gql(CARD, {"o": order_id, "t": token}))["orderCardPayment"]
    assert first["order"]["status"] == "UNPAID" and first["errors"] == []
    assert first["paymentAction"]["clientSecret"] == done["paymentAction"]["clientSecret"]
    stranger = await env.client.register("eve@example.com")
    refused = (await env.client.gql(CARD, {"o": order_id}, stranger))["orderCardPayment"]
    assert refused["errors"][0]["code"] == "NOT_FOUND" and refused["paymentAction"] is None
    intent = await pay(env, done["paymentAction"]["data"]["paymentIntentId"],
                       THREE_D_SECURE_CARD)
    assert intent.status == "requires_action"  # the browser has not finished: still unpaid
    waiting = (await env.client.gql(CARD, {"o": order_id, "t": token}))["orderCardPayment"]
    assert waiting["order"]["status"] == "UNPAID"
    assert waiting["paymentAction"]["data"]["status"] == "requires_action"
    async with httpx.AsyncClient() as http:  # what Stripe.js does once 3-D Secure is passed
        secret = done["paymentAction"]["clientSecret"]
        passed = await http.post(
            f"{env.api_base}/v1/payment_intents/{intent.id}/_authenticate",
            params={"success": "true"}, json={"key": "pk_test_ruta", "client_secret": secret})
    assert passed.status_code == 200, passed.text
    paid = (await env.client.gql(CARD, {"o": order_id, "t": token}))["orderCardPayment"]
    assert paid["order"]["status"] == "PAID" and paid["paymentAction"] is None
    again = (await env.client.gql(CARD, {"o": order_id, "t": token}))["orderCardPayment"]
    assert again["order"]["status"] == "PAID" and await paid_events(env) == 1


async def test_storefronts_learn_of_card_payments_only_with_both_keys(
        env: Env, plugged: Any) -> None:
    assert (await env.client.gql(SHOP_CARDS))["shop"]["cardPayments"] is None  # no pk_
    async with plugged(stripe_secret_key=SECRET_KEY, stripe_publishable_key="pk_test_ruta",
                       stripe_js_url=f"{env.api_base}/js.stripe.com/v3/") as client:
        cards = (await client.gql(SHOP_CARDS))["shop"]["cardPayments"]
    assert cards == {"gateway": "stripe", "publishableKey": "pk_test_ruta",
                     "scriptUrl": f"{env.api_base}/js.stripe.com/v3/"}
