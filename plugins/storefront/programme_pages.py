"""The programme (``/programme``): its partner organisations with their logos and access
points, and a finder that orders the access points by distance from a postal code, with
their opening hours in their own local time and the services they offer."""

from __future__ import annotations

from typing import Any

from babel import Locale
from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.forms import N_
from plugins.storefront.layout import render

SERVICES = {
    "COMPUTERS": N_("Computers with Internet"),
    "ADMIN_GUIDANCE": N_("Help with administrative procedures"),
    "JOB_SEARCH": N_("Job search"),
    "LANGUAGE_HELP": N_("Language help"),
}
COUNTRIES = ("ES", "PT")


def _near(country: str, postal_code: str) -> dict[str, str] | None:
    return {"country": country, "postalCode": postal_code} if postal_code else None


def _by_partner(points: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for point in points:
        grouped.setdefault(point["partnerId"], []).append(point)
    return grouped


async def programme(visit: Visit) -> Response:
    query = visit.request.query_params
    country = str(query.get("country")) if query.get("country") in COUNTRIES else "ES"
    postal_code = (query.get("postalCode") or "").strip()[:12]
    service = query.get("service") if query.get("service") in SERVICES else None
    result = await visit.graphql("Programme", near=_near(country, postal_code),
                                 service=service)
    partners = result.data.get("partners") or []
    points = result.data.get("accessPoints") or []
    searched = bool(postal_code or service)
    located = any(p.get("distanceKm") is not None for p in points)
    names = {p["id"]: p["name"] for p in partners}
    days = Locale.parse(visit.format.locale).days["format"]["wide"]
    return render(visit, "programme/programme.html", partners=partners,
                  points_of=_by_partner(points) if not searched else {},
                  found=points if searched else [], partner_names=names,
                  day_name=lambda weekday: days[(int(weekday) - 1) % 7],
                  services=SERVICES, countries_offered=COUNTRIES, chosen_country=country,
                  postal_code=postal_code, chosen_service=service or "",
                  unlocated=bool(postal_code) and not located)
