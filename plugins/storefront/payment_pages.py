"""Paying: the consent to immediate supply for digital content and courses (CRD art. 16(m),
stored on the order), the order placed across vendors, then the gateway. In demo mode the
dummy gateway pays without JavaScript: the buyer lands on the order page (its signed token
is the same as the confirmation e-mail's link) with ``gateway=dummy``, which confirms the
dummy payment there as a gateway's return URL would; the cart cookie is forgotten. When the
API takes cards (``shop.cardPayments``), the checkout page posts that gateway instead and the
buyer goes on to the card form (``card_pages``)."""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import CART_COOKIE, keep
from plugins.storefront.cart_pages import load_cart
from plugins.storefront.checkout_pages import needs_consent, short_fields, show
from plugins.storefront.forms import field_errors, text

GATEWAY = "dummy"
#: The gateways the checkout page may post: the dummy one, or the API's card gateway.
GATEWAYS = (GATEWAY, "stripe")


async def pay(visit: Visit) -> Response:
    cart = await load_cart(visit)
    if not cart or not cart["lines"]:
        return visit.redirect("/cart")
    consent = text(visit, "consent") == "on"
    if needs_consent(cart) and not consent:
        return await show(visit, cart, status_code=400, errors={"consent": visit.gettext(
            "Tick the box to receive the digital content now, or remove it from the cart.")})
    gateway = text(visit, "gateway")
    placed = await visit.graphql("CheckoutPay", id=cart["id"], consent=consent,
                                 gateway=gateway if gateway in GATEWAYS else GATEWAY)
    payload = placed.data.get("checkoutComplete") or {}
    order, token = payload.get("order"), payload.get("orderToken")
    if not order or not token:
        errors = field_errors(visit, payload.get("errors") or placed.errors)
        return await show(visit, cart, errors=short_fields(errors), status_code=400)
    action = payload.get("paymentAction") or {}
    target = f"/orders/view?token={quote(token)}"
    if action.get("type") == "DUMMY_CONFIRM":  # the dummy gateway's "return URL"
        target += "&gateway=dummy"
    elif action.get("type") == "CONFIRM_CARD_PAYMENT":  # the card form (Stripe.js)
        target = f"/checkout/card?order={quote(order['id'])}&token={quote(token)}"
    response = visit.redirect(target, notice=visit.gettext(
        "Thank you! Your order %(number)s is placed.", number=order["number"]))
    return keep(visit, response, CART_COOKIE, None)
