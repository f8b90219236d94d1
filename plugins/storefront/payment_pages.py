"""Paying: the consent to immediate supply for digital content and courses (CRD art. 16(m),
stored on the order), the order placed across vendors, then the gateway. In demo mode the
dummy gateway pays without JavaScript: the buyer lands on the order page (its signed token
is the same as the confirmation e-mail's link) with ``gateway=dummy``, which confirms the
dummy payment there as a gateway's return URL would; the cart cookie is forgotten."""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import CART_COOKIE, keep
from plugins.storefront.cart_pages import load_cart
from plugins.storefront.checkout_pages import needs_consent, short_fields, show
from plugins.storefront.forms import field_errors, text

GATEWAY = "dummy"


async def pay(visit: Visit) -> Response:
    cart = await load_cart(visit)
    if not cart or not cart["lines"]:
        return visit.redirect("/cart")
    consent = text(visit, "consent") == "on"
    if needs_consent(cart) and not consent:
        return show(visit, cart, status_code=400, errors={"consent": visit.gettext(
            "Tick the box to receive the digital content now, or remove it from the cart.")})
    placed = await visit.graphql("CheckoutPay", id=cart["id"], gateway=GATEWAY,
                                 consent=consent)
    payload = placed.data.get("checkoutComplete") or {}
    order, token = payload.get("order"), payload.get("orderToken")
    if not order or not token:
        errors = field_errors(visit, payload.get("errors") or placed.errors)
        return show(visit, cart, errors=short_fields(errors), status_code=400)
    action = payload.get("paymentAction") or {}
    target = f"/orders/view?token={quote(token)}"
    if action.get("type") == "DUMMY_CONFIRM":  # the dummy gateway's "return URL"
        target += "&gateway=dummy"
    response = visit.redirect(target, notice=visit.gettext(
        "Thank you! Your order %(number)s is placed.", number=order["number"]))
    return keep(visit, response, CART_COOKIE, None)
