"""The buyer's place (country and postal code), chosen once and kept in a cookie: prices
show the VAT the tax plugin computes for it (Faro, Huelva and Las Palmas differ)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import COUNTRIES, PLACE_COOKIE, POSTAL_RE, keep
from plugins.storefront.forms import safe_next, text
from plugins.storefront.layout import isolate, render


async def choose(visit: Visit) -> Response:
    if visit.request.method == "GET":
        return render(visit, "place.html", errors={},
                      next=safe_next(visit.request.query_params.get("next")))
    country, postal = text(visit, "country").upper(), text(visit, "postalCode").upper()
    target = safe_next(text(visit, "next"))
    errors: dict[str, str] = {}
    if country not in COUNTRIES:
        errors["country"] = visit.gettext("Choose a country from the list.")
    if not POSTAL_RE.match(postal):
        errors["postalCode"] = visit.gettext("Write a postal code such as 8000-283 or 21700.")
    if errors:
        return render(visit, "place.html", errors=errors, next=target, status_code=400)
    response = visit.redirect(target, notice=visit.gettext(
        "Prices now include the taxes for %(postal)s.", postal=isolate(postal)))
    return keep(visit, response, PLACE_COOKIE, f"{country}:{postal}")
