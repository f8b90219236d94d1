"""Issue 14's card payment in a real browser: with Stripe's keys the storefront's card form
loads Stripe.js (localstripe's stand-in, served on 127.0.0.1 by its own process) under the
card page's Content-Security-Policy, and the order is paid only once the server has asked
Stripe after the browser's confirmation.

localstripe's stand-in never sends the card Element's number: its ``confirmCardPayment``
only performs the 3-D Secure step of a PaymentIntent already waiting for it
(``requires_action``), and answers ``400 Bad request`` otherwise. So the buyer's first try
with 4242... is refused (and shown); then the test does through Stripe's API what real
Stripe.js does first with a typed card (a card PaymentMethod, attached and confirmed: a 3-D
Secure test card), and the buyer's second press goes through the stand-in's 3-D Secure
dialog, the post-back, and the server's check with Stripe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import stripe
from playwright.sync_api import Browser, ConsoleMessage

from tests.e2e.driver import Audit, Driver
from tests.e2e.localstripe_server import localstripe_process
from tests.e2e.server import ruta_serve
from tests.e2e.storefront_journey import SUBMIT, add_to_cart, choose_place
from tests.stripe_fake import SECRET_KEY

DETAILS = {"#email": "rosa.e2e@example.com", "#firstName": "Rosa", "#lastName": "Vidal",
           "#streetAddress1": "Calle Mayor 5", "#postalCode": "28013", "#city": "Madrid"}
CARD = {"number": "4242424242424242", "exp_month": "12", "exp_year": "34", "cvc": "123",
        "postal_code": "28013"}
THREE_D_SECURE_CARD = "4000002760003184"


@pytest.fixture(scope="module")
def card_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("ruta-card")
    with localstripe_process(folder) as api, ruta_serve(folder, {
            "RUTA_STRIPE_SECRET_KEY": SECRET_KEY, "RUTA_STRIPE_API_BASE": api,
            "RUTA_STRIPE_PUBLISHABLE_KEY": "pk_test_ruta_e2e",
            "RUTA_STRIPE_JS_URL": f"{api}/js.stripe.com/v3/"}) as base:
        yield base, api


def card_waiting_for_3d_secure(api: str, intent_id: str) -> None:
    """Real Stripe.js's first step with a typed card, which the stand-in leaves out."""
    client = stripe.StripeClient(SECRET_KEY, base_addresses={"api": api},
                                 http_client=stripe.HTTPXClient(allow_sync_methods=True))
    method = client.v1.payment_methods.create(params={"type": "card", "card": {
        "number": THREE_D_SECURE_CARD, "exp_month": 12, "exp_year": 2034, "cvc": "123"}})
    client.v1.payment_intents.update(intent_id, params={"payment_method": method.id})
    assert client.v1.payment_intents.confirm(intent_id).status == "requires_action"


def test_a_buyer_pays_by_card_with_stripe_js(browser: Browser,
                                             card_server: tuple[str, str],
                                             shots: Path) -> None:
    base, api = card_server
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text)
            if isinstance(message, ConsoleMessage) else None)
    driver = Driver(page, base, Audit(shots=shots, prefix="store-card-"))
    choose_place(driver, "ES", "28013")
    add_to_cart(driver, "flor-de-sal-algarve")
    driver.goto("/checkout?lang=en")
    for selector, value in DETAILS.items():
        driver.fill(selector, value)
    driver.select("main #country", "ES")
    driver.press(f"form[action='/checkout'] {SUBMIT}")
    driver.press(f"form[action='/checkout/shipping'] {SUBMIT}")
    driver.press(f"form[action='/checkout/pay'] {SUBMIT}", "card-form")
    for name, value in CARD.items():  # the stand-in's card Element, mounted by our script
        page.fill(f"#card-element input[placeholder={name}]", value)
    page.click("#card-pay")
    page.click("text=Complete authentication")
    page.locator("#card-errors").wait_for()
    refused = driver.text("#card-errors")
    assert page.is_enabled("#card-pay") and "/checkout/card" in page.url
    secret = page.get_attribute("#card-form", "data-secret") or ""
    card_waiting_for_3d_secure(api, secret.split("_secret_")[0])
    page.click("#card-pay")
    with page.expect_navigation():
        page.click("text=Complete authentication")  # the stand-in's 3-D Secure dialog
    driver.landed("card-paid")
    status, notice = driver.text(".status"), driver.notice()
    context.close()
    assert refused == "Bad request"  # the stand-in, for an intent without a card
    assert "/orders/view?token=" in page.url
    assert (status, notice) == ("Paid", "Thank you! Your card payment is confirmed.")
    blocked = [line for line in console if "Content Security Policy" in line
               and any(d in line for d in ("script-src", "connect-src", "frame-src"))]
    assert blocked == []
