"""Account messages reach the account's owner by e-mail, in the account's language, over a
real SMTP server; a guest who registers and verifies the same e-mail sees their guest
order in ``myOrders``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.shop import COMPLETE, build, checkout
from tests.smtp_server import SMTPServer, smtp_server, text_of
from tests.test_notifications_inbox import BILLING
from tests.test_notifications_mail import PAID, drain

REGISTER = """mutation($i: AccountRegisterInput!) { accountRegister(input: $i) {
  user { id } errors { code } } }"""
CONFIRM = """mutation($t: String!) { accountConfirmEmail(token: $t) { errors { code } } }"""
RESET = """mutation($e: String!) { passwordResetRequest(email: $e) { errors { code } } }"""
MY_ORDERS = "{ myOrders(first: 10) { totalCount edges { node { number } } } }"


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


def mails(server: SMTPServer, kind: str, to: str) -> list[Any]:
    return [m for m in server.inbox.messages
            if m["X-Ruta-Message-Type"] == kind and m["To"] == to]


def token_in(text: str) -> str:
    found = re.search(r"https?://\S+", text)
    assert found is not None
    return parse_qs(urlsplit(found.group(0)).query)["token"][0]


async def test_verification_and_reset_links_arrive_in_the_accounts_language(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        shop = await build(client)
        created = await checkout(client, {"ebook": 1}, shop, billingAddress=BILLING)
        done = await client.gql(COMPLETE, {"id": created["id"]})  # a guest order first
        order = done["checkoutComplete"]["order"]
        await client.gql(PAID, {"id": order["id"]}, await client.login("shop-op@example.com"))
        registered = await client.gql(REGISTER, {"i": {
            "email": "buyer@example.com", "password": "correct-horse-battery",
            "languageCode": "PT", "country": "PT"}})
        assert registered["accountRegister"]["errors"] == []
        await drain(client)
        [verify] = mails(server, "account_verification", "buyer@example.com")
        assert verify["Content-Language"] == "pt"
        assert verify["Subject"] == "Confirme o seu endereço de e-mail"
        token = await client.login("buyer@example.com")
        before = await client.gql(MY_ORDERS, {}, token)
        assert before["myOrders"]["totalCount"] == 0  # not verified yet: not theirs
        confirmed = await client.gql(CONFIRM, {"t": token_in(text_of(verify))})
        assert confirmed["accountConfirmEmail"]["errors"] == []
        after = await client.gql(MY_ORDERS, {}, token)
        assert [e["node"]["number"] for e in after["myOrders"]["edges"]] == [order["number"]]

        await client.gql(RESET, {"e": "buyer@example.com"})
        await client.gql(RESET, {"e": "nobody@example.com"})
        await drain(client)
        [reset] = mails(server, "password_reset", "buyer@example.com")
        assert reset["Subject"] == "Redefina a sua palavra-passe"
        assert "/account/reset-password?token=" in text_of(reset)
        assert [m for m in server.inbox.messages if m["To"] == "nobody@example.com"] == []
        # one-time links never go to the in-app inbox
        inbox = await client.gql("{ myNotifications(first: 10) { totalCount } }", {}, token)
        assert inbox["myNotifications"]["totalCount"] == 0
