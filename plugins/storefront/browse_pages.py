"""The product listing: accent-insensitive search, filters (category, kind, vendor, price)
and sorting, in one GraphQL document (products and the facets the filters offer)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import language_code, place_of
from plugins.storefront.connections import nodes
from plugins.storefront.forms import N_
from plugins.storefront.layout import render

KINDS = {"PHYSICAL": N_("Goods"), "DIGITAL": N_("Downloads"), "SERVICE": N_("Services"),
         "COURSE": N_("Courses"), "EVENT": N_("Events")}
SORTS = {
    "relevance": (N_("Best match"), {"field": "RELEVANCE", "direction": "DESC"}),
    "newest": (N_("Newest"), {"field": "NEWEST", "direction": "DESC"}),
    "price": (N_("Price: low to high"), {"field": "PRICE", "direction": "ASC"}),
    "-price": (N_("Price: high to low"), {"field": "PRICE", "direction": "DESC"}),
    "name": (N_("Name"), {"field": "NAME", "direction": "ASC"}),
}
FILTERS = ("q", "category", "kind", "vendor", "min", "max", "sort")


def amount(value: str) -> str | None:
    try:
        number = Decimal(value.replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return str(number) if number.is_finite() and number >= 0 else None


def chosen(visit: Visit) -> dict[str, str]:
    params = visit.request.query_params
    return {name: params.get(name, "").strip()[:100] for name in FILTERS}


def product_filter(values: dict[str, str]) -> dict[str, Any]:
    return {"search": values["q"] or None, "categoryId": values["category"] or None,
            "vendorId": values["vendor"] or None,
            "kind": values["kind"] if values["kind"] in KINDS else None,
            "priceMin": amount(values["min"]) if values["min"] else None,
            "priceMax": amount(values["max"]) if values["max"] else None}


async def listing(visit: Visit) -> Response:
    values = chosen(visit)
    sort = values["sort"] if values["sort"] in SORTS else (
        "relevance" if values["q"] else "newest")
    place = place_of(visit)
    result = await visit.graphql(
        "Listing", filter=product_filter(values), languageCode=language_code(visit),
        country=place.country, postalCode=place.postal_code, sortBy=SORTS[sort][1],
        after=visit.request.query_params.get("after") or None)
    if result.denied:  # a filter id of the wrong type: an empty listing, not an error page
        result.data = {}
    products = result.data.get("products") or {}
    page_info = products.get("pageInfo") or {}
    more = None
    if page_info.get("hasNextPage"):
        more = "/products?" + urlencode({**{k: v for k, v in values.items() if v},
                                         "after": page_info["endCursor"]})
    return render(visit, "listing.html", products=nodes(products),
                  total=products.get("totalCount", 0), values=values, search=values["q"],
                  sort=sort, sorts=[(key, visit.gettext(label)) for key, (label, _o)
                                    in SORTS.items()],
                  kinds=[(kind, visit.gettext(label)) for kind, label in KINDS.items()],
                  facets=result.data.get("productFacets") or {}, more=more)
