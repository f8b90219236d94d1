"""The buyer's address book (``/account/addresses``): saved addresses with one default (the
one checkout starts from), added, changed, made the default or deleted; postal codes are
checked by the API for the country, its errors shown in the visitor's language."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.buyer import COUNTRIES
from plugins.storefront.checkout_pages import ADDRESS, short_fields
from plugins.storefront.forms import field_errors, text
from plugins.storefront.layout import not_found, render

#: Countries an address may be in (where the demo's shops deliver).
ADDRESS_COUNTRIES = [code for code in COUNTRIES if code in ("ES", "PT")]


async def _page(visit: Visit, *, editing: str = "", values: dict[str, str] | None = None,
                errors: dict[str, str] | None = None, status_code: int = 200) -> Response:
    result = await visit.graphql("MyAddresses")
    if result.unauthenticated:
        return to_login(visit)
    saved = (result.data.get("me") or {}).get("addresses") or []
    if editing and values is None:
        found = next((item for item in saved if item["id"] == editing), None)
        if found is None:
            return not_found(visit)
        values = {key: found["address"].get(key) or "" for key in ADDRESS}
    return render(visit, "addresses.html", status_code=status_code, saved=saved,
                  editing=editing, values=values or {"country": ADDRESS_COUNTRIES[0]},
                  errors=errors or {}, address_countries=ADDRESS_COUNTRIES,
                  unread_count=result.data.get("myNotificationsUnreadCount") or 0)


@signed_in
async def addresses(visit: Visit) -> Response:
    return await _page(visit, editing=visit.request.query_params.get("edit", ""))


def _payload_errors(result: Any, name: str) -> list[dict[str, Any]]:
    return list(result.errors) + list((result.data.get(name) or {}).get("errors") or [])


@signed_in
async def save(visit: Visit) -> Response:
    """Add an address, or change the one named by ``id``."""
    values = {key: text(visit, key) for key in ADDRESS}
    address = {key: values[key] for key in ADDRESS if values[key] or key != "companyName"}
    address["country"] = address.get("country", "").upper() or "ES"
    editing = text(visit, "id")
    default = visit.form.get("isDefault") == "on"
    if editing:
        name = "accountAddressUpdate"
        result = await visit.graphql("AddressUpdate", id=editing, input={
            "address": address, **({"isDefault": True} if default else {})})
    else:
        name = "accountAddressCreate"
        result = await visit.graphql("AddressCreate", input={"address": address,
                                                             "isDefault": default})
    if result.unauthenticated:
        return to_login(visit)
    errors = _payload_errors(result, name)
    if errors:
        shown = short_fields(field_errors(visit, errors))
        if "id" in shown:
            shown["__all__"] = shown.pop("id")
        return await _page(visit, editing=editing, values=values, status_code=400,
                           errors=shown)
    return visit.redirect("/account/addresses", notice=visit.gettext("The address is saved."))


async def _change(visit: Visit, document: str, name: str, notice: str,
                  **variables: Any) -> Response:
    result = await visit.graphql(document, id=text(visit, "id"), **variables)
    if result.unauthenticated:
        return to_login(visit)
    errors = field_errors(visit, _payload_errors(result, name))
    return visit.redirect("/account/addresses",
                          notice=next(iter(errors.values()), None) or notice)


@signed_in
async def make_default(visit: Visit) -> Response:
    return await _change(visit, "AddressUpdate", "accountAddressUpdate",
                         visit.gettext("This is now your default address."),
                         input={"isDefault": True})


@signed_in
async def delete(visit: Visit) -> Response:
    return await _change(visit, "AddressDelete", "accountAddressDelete",
                         visit.gettext("The address is deleted."))
