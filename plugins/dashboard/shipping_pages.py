"""The vendor's shipping methods: list and add."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.auth_pages import COUNTRIES
from plugins.dashboard.forms import decimal_or_none, field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login


@signed_in
async def shipping(visit: Visit) -> Response:
    errors: dict[str, str] = {}
    values = {"name": "", "price": "", "freeOver": ""}
    chosen: list[str] = list(COUNTRIES)
    if visit.request.method == "POST":
        values = {key: text(visit, key) for key in values}
        chosen = [c for c in visit.form.getlist("countries") if c in COUNTRIES]
        data: dict[str, Any] = {"name": values["name"], "countries": chosen,
                                "price": decimal_or_none(values["price"]),
                                "freeOver": decimal_or_none(values["freeOver"])}
        if data["price"] is None:
            errors["price"] = visit.gettext("Write a price such as 12.50.")
        if not chosen:
            errors["countries"] = visit.gettext("This field is required.")
        if not errors:
            result = await visit.graphql("ShippingMethodCreate", input=data)
            payload = result.data.get("shippingMethodCreate") or {}
            errors = field_errors(visit, payload.get("errors") or result.errors)
            if not errors:
                return visit.redirect(f"{PREFIX}/shipping",
                                      notice=visit.gettext("Shipping method added."))
    result = await visit.graphql("ShippingMethods")
    if result.unauthenticated:
        return to_login(visit)
    vendor = result.data.get("myVendor")
    if vendor is None:
        return visit.redirect(f"{PREFIX}/apply")
    return visit.render("shipping.html", methods=vendor["shippingMethods"], values=values,
                        chosen=chosen, errors=errors, countries=COUNTRIES,
                        status_code=400 if errors else 200)
