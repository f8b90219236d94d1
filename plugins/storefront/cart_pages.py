"""The cart: lines grouped by vendor, adding from a product page and changing quantities.

The cart is a checkout of the API; its id (the checkout token) lives in the buyer's
``ruta_checkout`` cookie, so an anonymous buyer keeps a cart without an account.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import CART_COOKIE, cart_token, keep, language_code
from plugins.storefront.forms import field_errors, safe_next, text
from plugins.storefront.layout import render

#: The API's answers meaning "this cart is gone" (completed or unknown): start a new one.
GONE = {"NOT_FOUND", "INVALID_ID", "CHECKOUT_COMPLETED"}


def quantity(visit: Visit) -> int:
    try:
        return max(0, min(99, int(text(visit, "quantity") or "1")))
    except ValueError:
        return 1


async def load_cart(visit: Visit) -> dict[str, Any] | None:
    """The cart's checkout, or None (no cookie, or the checkout is gone). The same document
    asks ``shop.cardPayments``, kept on the checkout as ``cardPayments`` (None: no cards)."""
    token = cart_token(visit)
    if token is None:
        return None
    result = await visit.graphql("Cart", id=token)
    found: dict[str, Any] | None = result.data.get("checkout")
    if found is not None:
        found["cardPayments"] = (result.data.get("shop") or {}).get("cardPayments")
    return found


def by_vendor(checkout: dict[str, Any]) -> list[dict[str, Any]]:
    """The checkout's vendors, each with its own lines."""
    lines = {line["id"]: line for line in checkout["lines"]}
    return [{**part, "lines": [lines[i] for i in part["lineIds"] if i in lines]}
            for part in checkout["vendors"]]


async def cart(visit: Visit) -> Response:
    checkout = await load_cart(visit)
    response = render(visit, "cart.html", checkout=checkout,
                      parts=by_vendor(checkout) if checkout else [])
    if checkout is None and cart_token(visit):
        keep(visit, response, CART_COOKIE, None)
    return response


async def put_in_cart(visit: Visit, lines: list[dict[str, Any]]
                      ) -> tuple[str | None, str]:
    """Add ``lines`` to the visitor's cart (a new one if it has none or it is gone):
    ``(checkout token, "")``, or ``(None, the reason in the visitor's language)``. The
    caller keeps the token in the cart cookie."""
    token = cart_token(visit)
    errors: list[dict[str, Any]] = []
    if token is not None:
        added = await visit.graphql("CartAdd", id=token, lines=lines)
        payload = added.data.get("checkoutLinesAdd") or {}
        errors = payload.get("errors") or added.errors
        if payload.get("checkout") is None and (
                {str(e.get("code")) for e in errors} & GONE or added.denied):
            token, errors = None, []
    if token is None:
        created = await visit.graphql("CartCreate", input={
            "lines": lines, "languageCode": language_code(visit)})
        payload = created.data.get("checkoutCreate") or {}
        errors = payload.get("errors") or created.errors
        token = (payload.get("checkout") or {}).get("id")
    if errors or token is None:
        message = next(iter(field_errors(visit, errors).values()), None)
        return None, message or visit.gettext("This could not be added to your cart.")
    return token, ""


async def add(visit: Visit) -> Response:
    variant_id = text(visit, "variantId")
    back = safe_next(visit.request.headers.get("referer", "").partition(
        str(visit.request.base_url).rstrip("/"))[2] or "/products")
    if not variant_id:
        return visit.redirect(back, notice=visit.gettext("Choose an option first."))
    token, message = await put_in_cart(visit, [
        {"variantId": variant_id, "quantity": quantity(visit) or 1}])
    if token is None:
        return visit.redirect(back, notice=message)
    response = visit.redirect("/cart", notice=visit.gettext("Added to your cart."))
    return keep(visit, response, CART_COOKIE, token)


async def update(visit: Visit) -> Response:
    token = cart_token(visit)
    if token is None:
        return visit.redirect("/cart")
    result = await visit.graphql("CartUpdate", id=token, lines=[
        {"variantId": text(visit, "variantId"), "quantity": quantity(visit)}])
    payload = result.data.get("checkoutLinesUpdate") or {}
    message = next(iter(field_errors(visit, payload.get("errors") or result.errors).values()),
                   None)
    return visit.redirect("/cart", notice=message or visit.gettext("Your cart is updated."))
