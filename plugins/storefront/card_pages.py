"""Paying by card with Stripe.js, when the API offers it (``shop.cardPayments``: Stripe's
secret and publishable keys are set). Placing the order (``payment_pages``) leads here with
the order's id and signed token. The page loads Stripe.js from the configured address,
mounts the card Element and, on submit, ``static/card-payment.js`` calls
``confirmCardPayment`` with the PaymentIntent's client secret, then posts the form back.
The post asks the API (``orderCardPayment``), which asks Stripe: the browser's word is never
taken. Without Stripe (the demo), ``payment_pages`` pays with the dummy gateway instead.

Only this page lets Stripe.js in: its Content-Security-Policy adds Stripe's origins (see
:func:`stripe_sources` and the README)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from starlette.responses import Response

from engine.plugins.api import Visit, content_security_policy
from plugins.storefront.forms import field_errors
from plugins.storefront.layout import not_found, render

#: Stripe.js's own address (https://docs.stripe.com/js/including).
STRIPE_JS = "https://js.stripe.com"


def stripe_sources(script_url: str) -> dict[str, list[str]]:
    """The CSP sources Stripe.js needs, from Stripe's guide
    (https://docs.stripe.com/security/guide#content-security-policy): its script (and
    the frames of the card Element and 3-D Secure) from js.stripe.com, its API calls to
    api.stripe.com. A stand-in served elsewhere (localstripe in tests) serves its script and
    answers its calls itself: its own origin for the same directives."""
    parts = urlsplit(script_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    if origin == STRIPE_JS:
        return {"script-src": [STRIPE_JS, "https://*.js.stripe.com"],
                "frame-src": [STRIPE_JS, "https://*.js.stripe.com", "https://hooks.stripe.com"],
                "connect-src": ["https://api.stripe.com"]}
    return {"script-src": [origin], "frame-src": [origin], "connect-src": [origin]}


async def card_payments(visit: Visit) -> dict[str, Any] | None:
    """``shop.cardPayments``: gateway, publishable key, Stripe.js address; None without."""
    result = await visit.graphql("CardPayments")
    found: dict[str, Any] | None = (result.data.get("shop") or {}).get("cardPayments")
    return found


def _show(visit: Visit, cards: dict[str, Any], order: dict[str, Any], secret: str,
          token: str, *, error: str | None = None, status_code: int = 200) -> Response:
    response = render(visit, "card.html", order=order, cards=cards, client_secret=secret,
                      token=token, error=error, status_code=status_code,
                      test_mode=cards["publishableKey"].startswith("pk_test_"))
    response.headers["content-security-policy"] = content_security_policy(
        stripe_sources(cards["scriptUrl"]))
    return response


def _order_page(token: str) -> str:
    return f"/orders/view?token={quote(token)}"


async def card(visit: Visit) -> Response:
    """GET: the card form for the unpaid order. POST (after Stripe.js confirmed the card):
    the API re-checks the PaymentIntent with Stripe; paid -> the order page."""
    source = visit.form if visit.request.method == "POST" else visit.request.query_params
    order_id, token = source.get("order"), source.get("token")
    if not isinstance(order_id, str) or not isinstance(token, str) or not order_id or not token:
        return not_found(visit)
    cards = await card_payments(visit)
    if cards is None:
        return not_found(visit)
    checked = await visit.graphql("CardPay", orderId=order_id, token=token)
    payload = checked.data.get("orderCardPayment") or {}
    order = payload.get("order")
    if not order:
        return not_found(visit)
    if order["status"] != "UNPAID":
        notice = visit.gettext("Thank you! Your card payment is confirmed.") \
            if visit.request.method == "POST" else None
        return visit.redirect(_order_page(token), notice=notice)
    secret = (payload.get("paymentAction") or {}).get("clientSecret")
    failed = field_errors(visit, payload.get("errors") or checked.errors)
    if failed or not secret:
        return render(visit, "error.html", status_code=409, message=next(
            iter(failed.values()), visit.gettext("Card payments are not available right now.")))
    if visit.request.method == "GET":
        return _show(visit, cards, order, secret, token)
    return _show(visit, cards, order, secret, token, status_code=409, error=visit.gettext(
        "The card payment is not confirmed yet. Check the card details and try again."))
