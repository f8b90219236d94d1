"""Paying by card on the storefront (issue 14): with Stripe's keys the payment step leads to
a card form that loads Stripe.js (here localstripe's stand-in on 127.0.0.1) under a
Content-Security-Policy opened for it alone; the order is paid only when Stripe says so.
Without the keys (the demo) the dummy gateway pays with no JavaScript and no Stripe origin
in any policy."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from starlette.applications import Starlette

from engine.runtime import Runtime
from engine.settings import SettingsError, settings_from_env
from engine.web.headers import CSP, content_security_policy
from plugins.storefront.card_pages import stripe_sources
from tests.stripe_fake import SECRET_KEY, localstripe
from tests.stripe_fake import client as stripe_client
from tests.test_storefront_checkout import ADDRESS, add
from tests.web_browser import Browser

PUBLISHABLE_KEY = "pk_test_ruta_storefront"


@dataclass
class Stripe:
    app: Starlette
    api_base: str


@pytest.fixture
async def stripe_on(demo: Runtime, plugged: Any) -> AsyncIterator[Stripe]:
    """The demo marketplace served by an app with both Stripe keys, against localstripe."""
    async with localstripe() as api_base:
        async with httpx.AsyncClient() as http:
            await http.delete(f"{api_base}/_config/data")
        async with plugged(stripe_secret_key=SECRET_KEY, stripe_api_base=api_base,
                           stripe_publishable_key=PUBLISHABLE_KEY,
                           stripe_js_url=f"{api_base}/js.stripe.com/v3/") as client:
            yield Stripe(client.app, api_base)


async def ready_to_pay(browser: Browser) -> None:
    browser.http.cookies.set("ruta_place", "ES:28001", domain="testserver.local")
    await add(browser, "flor-de-sal-algarve")
    await browser.post("/checkout", {**ADDRESS, "city": "Madrid", "postalCode": "28001",
                                     "country": "ES"})
    page = await browser.get("/checkout")
    chosen = await browser.post("/checkout/shipping", dict(re.findall(
        r'name="(shipping:[^"]+)" value="([^"]+)"', page.text)), form_page="/checkout")
    assert chosen.status_code == 303


async def test_without_stripe_keys_the_dummy_gateway_pays_and_no_stripe_is_allowed(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        await ready_to_pay(browser)
        page = await browser.get("/checkout?lang=en")
        assert "Demo mode: the test gateway pays without a card." in page.text
        assert 'name="gateway"' not in page.text and "<script src=\"http" not in page.text
        assert page.headers["content-security-policy"] == CSP
        no_card_form = await browser.get("/checkout/card?order=T3JkZXI6MQ==&token=x")
        paid = await browser.post("/checkout/pay", {}, form_page="/checkout")
        assert paid.headers["location"].endswith("&gateway=dummy")
        order = await browser.get(paid.headers["location"])
    assert no_card_form.status_code == 404
    assert no_card_form.headers["content-security-policy"] == CSP
    assert order.status_code == 303  # the dummy gateway's return confirmed the payment


async def test_with_stripe_keys_the_card_form_loads_stripe_js_and_stripe_decides(
        stripe_on: Stripe) -> None:
    async with Browser(stripe_on.app) as browser:
        await ready_to_pay(browser)
        page = await browser.get("/checkout?lang=en")
        assert "Continue to card payment" in page.text
        assert page.headers["content-security-policy"] == CSP  # Stripe.js only on the form
        placed = await browser.post("/checkout/pay", {"gateway": "stripe"},
                                    form_page="/checkout")
        card_url = placed.headers["location"]
        assert card_url.startswith("/checkout/card?order=")
        assert "ruta_checkout" not in browser.http.cookies  # the order is placed
        form = await browser.get(card_url + "&lang=en")
        assert form.status_code == 200
        script = f"{stripe_on.api_base}/js.stripe.com/v3/"
        assert f'<script src="{script}" defer></script>' in form.text
        assert '<script src="/static/card-payment.js" defer></script>' in form.text
        assert f'data-key="{PUBLISHABLE_KEY}"' in form.text
        secret = re.search(r'data-secret="([^"]+)"', form.text)
        assert secret and secret.group(1).startswith("pi_")
        policy = form.headers["content-security-policy"]
        origin = stripe_on.api_base
        assert f"script-src 'self' {origin};" in policy
        assert f"connect-src 'self' {origin};" in policy and f"frame-src {origin}" in policy
        assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
        query = parse_qs(urlparse(card_url).query)
        fields = {"order": query["order"][0], "token": query["token"][0]}
        unconfirmed = await browser.post("/checkout/card", fields, form_page=card_url)
        assert unconfirmed.status_code == 409  # the browser said nothing Stripe confirms
        assert "The card payment is not confirmed yet." in unescape(unconfirmed.text)
        csrf = await browser.token(card_url)  # the form as the buyer has it open
        intent_id = secret.group(1).split("_secret_")[0]
        await confirm_card(stripe_on.api_base, intent_id)  # what Stripe.js does
        paid = await browser.post("/checkout/card", fields, token=csrf)
        assert paid.status_code == 303
        assert paid.headers["location"].startswith("/orders/view?token=")
        order = await browser.get(paid.headers["location"] + "&lang=en")
    assert "Your card payment is confirmed." in unescape(order.text)
    assert "<strong>Paid</strong>" in order.text


async def confirm_card(api_base: str, intent_id: str) -> None:
    stripe = stripe_client(api_base)
    method = await stripe.v1.payment_methods.create_async(params={
        "type": "card", "card": {"number": "4242424242424242", "exp_month": 12,
                                 "exp_year": 2034, "cvc": "123"}})
    await stripe.v1.payment_intents.update_async(intent_id,
                                                 params={"payment_method": method.id})
    intent = await stripe.v1.payment_intents.confirm_async(intent_id)
    assert intent.status == "succeeded"


def test_in_production_the_policy_opens_exactly_what_stripe_documents() -> None:
    sources = stripe_sources("https://js.stripe.com/v3/")
    assert sources == {
        "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
        "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com",
                      "https://hooks.stripe.com"],
        "connect-src": ["https://api.stripe.com"]}
    assert content_security_policy(sources) == (
        "default-src 'none'; script-src 'self' https://js.stripe.com https://*.js.stripe.com; "
        "style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self' https://api.stripe.com; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; "
        "frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com")


def test_production_loads_stripe_js_over_https_only() -> None:
    production = {"RUTA_MODE": "production", "RUTA_SECRET_KEY": "k" * 40}
    assert settings_from_env(production).stripe_js_url == "https://js.stripe.com/v3/"
    with pytest.raises(SettingsError):
        settings_from_env({**production, "RUTA_STRIPE_JS_URL": "http://127.0.0.1:1/v3/"})
    assert settings_from_env({"RUTA_STRIPE_JS_URL": "http://127.0.0.1:1/js.stripe.com/v3/"})
