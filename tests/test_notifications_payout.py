"""A vendor is told when its share of a paid order is paid out (core payments through
localstripe and the faked Connect), once, in the vendor's language, over a real SMTP
server on loopback (aiosmtpd)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from engine import maintenance
from engine.plugins.api import hookimpl
from tests.shop import build
from tests.smtp_server import smtp_server, text_of
from tests.stripe_fake import CONNECT, SECRET_KEY, WEBHOOK_SECRET, localstripe, serve
from tests.test_payments import GOOD_CARD, ONBOARD, Env, enable_payouts, pay, place, wait_for


class Recorder:
    def __init__(self) -> None:
        self.payouts: list[tuple[int, str]] = []

    @hookimpl
    def ruta_payout_sent(self, transfer_id: int, vendor_id: int, vendor_order_id: int,
                         amount: str) -> None:
        self.payouts.append((vendor_id, amount))


@pytest.fixture
async def mailed(plugged: Any) -> AsyncIterator[tuple[Env, Any, Recorder]]:
    CONNECT.accounts.clear(), CONNECT.transfers.clear(), CONNECT.reversals.clear()
    recorder = Recorder()
    with smtp_server() as server:
        async with localstripe() as api_base:
            async with httpx.AsyncClient() as http:
                await http.delete(f"{api_base}/_config/data")
            async with plugged(recorder, stripe_secret_key=SECRET_KEY,
                               stripe_webhook_secret=WEBHOOK_SECRET, stripe_api_base=api_base,
                               commission_base="gross", smtp_url=server.url
                               ) as client, serve(client.app) as app_url:
                async with httpx.AsyncClient() as http:
                    await http.post(f"{api_base}/_config/webhooks/ruta", data={
                        "url": f"{app_url}/webhooks/stripe", "secret": WEBHOOK_SECRET})
                shop = await build(client)
                accounts = {}
                for key, token in (("es", shop.es_token), ("pt", shop.pt_token)):
                    url = (await client.gql(ONBOARD, token=token)
                           )["vendorPaymentOnboarding"]["url"]
                    accounts[key] = url.rsplit("/", 1)[1]
                yield Env(client, api_base, app_url, shop, accounts), server, recorder


async def test_the_vendor_is_told_once_when_its_payout_is_sent(
        mailed: tuple[Env, Any, Recorder]) -> None:
    env, server, recorder = mailed
    done = await place(env, {"tile": 1})
    await pay(env, done["paymentAction"]["data"]["paymentIntentId"], GOOD_CARD)
    await wait_for(env, done["order"]["id"], lambda o: o["status"] == "PAID")
    await env.client.runtime.dispatcher.drain()
    payout_mails = [m for m in server.inbox.messages if m["X-Ruta-Message-Type"] == "payout_sent"]
    assert payout_mails == []  # nothing sent yet: the vendor cannot receive payouts
    await enable_payouts(env, env.accounts["pt"])
    await maintenance.tick(env.client.runtime)
    await maintenance.tick(env.client.runtime)  # a second tick sends nothing more
    await env.client.runtime.dispatcher.drain()
    payout_mails = [m for m in server.inbox.messages if m["X-Ruta-Message-Type"] == "payout_sent"]
    [mail] = payout_mails
    assert mail["To"] == "pt@example.com" and mail["Content-Language"] == "pt"
    number = done["order"]["number"]
    assert mail["Subject"] == f"Pagamento enviado: 19,35 € da encomenda {number}"
    assert "19,35\xa0€" in text_of(mail)  # Babel, pt_PT
    assert "Loja PT" in text_of(mail)
    assert [amount for _, amount in recorder.payouts] == ["19.35"]
