"""Checkout across vendors: the buyer's e-mail, address and VAT number, then how each vendor
ships, a voucher, and payment (``payment_pages``). Each step is a form that works without
JavaScript and comes back here."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import COUNTRIES, cart_token, place_of
from plugins.storefront.cart_pages import by_vendor, load_cart
from plugins.storefront.forms import field_errors, text
from plugins.storefront.layout import render

ADDRESS = ("firstName", "lastName", "companyName", "streetAddress1", "city", "postalCode",
           "country")
#: Kinds supplied at once: the buyer must consent and lose the withdrawal right first.
IMMEDIATE = {"DIGITAL", "COURSE"}


def needs_consent(checkout: dict[str, Any]) -> bool:
    return any(line["variant"]["product"]["kind"] in IMMEDIATE for line in checkout["lines"])


def has_goods(checkout: dict[str, Any]) -> bool:
    return any(line["requiresShipping"] for line in checkout["lines"])


def values_of(visit: Visit, checkout: dict[str, Any],
              saved: dict[str, Any] | None = None, *, chosen: bool = False) -> dict[str, str]:
    """The form's values: the saved address the buyer just chose (``chosen``), else the
    checkout's address, else the buyer's saved default address (``saved``), else the
    buyer's place."""
    address = (saved if chosen else None) or checkout.get("shippingAddress") or saved or {}
    place = place_of(visit)
    values = {key: address.get(key) or "" for key in ADDRESS}
    values["country"] = values["country"] or place.country
    values["postalCode"] = values["postalCode"] or (place.postal_code if place.chosen else "")
    values["email"] = checkout.get("email") or visit.session.email or ""
    values["vatId"] = checkout.get("vatId") or ""
    return values


async def show(visit: Visit, checkout: dict[str, Any], *,
               errors: dict[str, str] | None = None, values: dict[str, str] | None = None,
               book: list[dict[str, Any]] | None = None,
               status_code: int = 200) -> Response:
    """The checkout page; its payment step takes cards when the API says so
    (``shop.cardPayments``), else the demo's dummy gateway pays. ``book`` is the signed-in
    buyer's saved addresses, offered as one-click choices above the form."""
    cards = checkout.get("cardPayments")  # asked with the cart (``load_cart``)
    ready = bool(checkout.get("email") and checkout.get("shippingAddress"))
    return render(visit, "checkout.html", checkout=checkout, parts=by_vendor(checkout),
                  cards=cards, book=book or [],
                  values=values or values_of(visit, checkout), errors=errors or {},
                  address_countries=[c for c in COUNTRIES if c in ("ES", "PT")],
                  ready=ready, consent=needs_consent(checkout), goods=has_goods(checkout),
                  status_code=status_code)


async def checkout(visit: Visit) -> Response:
    cart = await load_cart(visit)
    if not cart or not cart["lines"]:
        return visit.redirect("/cart")
    if visit.request.method == "GET":
        book = await address_book(visit) if visit.session.signed_in else []
        wanted = visit.request.query_params.get("address")
        picked = next((item for item in book if item["id"] == wanted), None)
        default = next((item for item in book if item["isDefault"]), None)
        saved = (picked or default or {}).get("address")
        return await show(visit, cart, book=book,
                          values=values_of(visit, cart, saved, chosen=picked is not None))
    values = {key: text(visit, key) for key in (*ADDRESS, "email", "vatId")}
    address = {key: values[key] for key in ADDRESS if values[key] or key != "companyName"}
    address["country"] = address.get("country", "").upper() or "ES"
    saved = await visit.graphql("CheckoutDetails", id=cart["id"], email=values["email"],
                                address=address)
    errors: list[dict[str, Any]] = list(saved.errors)
    for name in ("checkoutEmailUpdate", "checkoutAddressUpdate"):
        errors += (saved.data.get(name) or {}).get("errors") or []
    if not errors and values["vatId"] != (cart.get("vatId") or ""):
        vat = await visit.graphql("CheckoutVatId", id=cart["id"], vatId=values["vatId"])
        errors += (vat.data.get("checkoutVatIdUpdate") or {}).get("errors") or vat.errors
    if errors:
        return await show(visit, cart, errors=short_fields(field_errors(visit, errors)),
                    values=values, status_code=400)
    return visit.redirect("/checkout#shipping", notice=visit.gettext("Your details are saved."))


async def address_book(visit: Visit) -> list[dict[str, Any]]:
    """The signed-in buyer's saved addresses (the address book), default first."""
    result = await visit.graphql("CheckoutAddresses")
    saved: list[dict[str, Any]] = (result.data.get("me") or {}).get("addresses") or []
    return sorted(saved, key=lambda item: not item["isDefault"])


def short_fields(errors: dict[str, str]) -> dict[str, str]:
    """``shippingAddress.postalCode`` -> ``postalCode`` (the form's field names)."""
    return {key.rpartition(".")[2] if "." in key else key: value
            for key, value in errors.items()}


async def shipping(visit: Visit) -> Response:
    token = cart_token(visit)
    if token is None:
        return visit.redirect("/cart")
    messages: list[str] = []
    for key, method in visit.form.multi_items():
        if not key.startswith("shipping:") or not isinstance(method, str) or not method:
            continue
        done = await visit.graphql("CheckoutShipping", id=token,
                                   vendorId=key.partition(":")[2], methodId=method)
        payload = done.data.get("checkoutShippingMethodUpdate") or {}
        messages += field_errors(visit, payload.get("errors") or done.errors).values()
    notice = messages[0] if messages else visit.gettext("Shipping is chosen.")
    return visit.redirect("/checkout#pay", notice=notice)


async def voucher(visit: Visit) -> Response:
    token = cart_token(visit)
    if token is None:
        return visit.redirect("/cart")
    done = await visit.graphql("CheckoutVoucher", id=token, code=text(visit, "code"))
    payload = done.data.get("checkoutVoucherApply") or {}
    errors = field_errors(visit, payload.get("errors") or done.errors)
    return visit.redirect("/checkout#pay", notice=next(iter(errors.values()), None) or
                          visit.gettext("The voucher is applied."))
