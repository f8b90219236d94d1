"""A vendor's page: description, rating and products (one GraphQL document)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import language_code, place_of
from plugins.storefront.connections import nodes
from plugins.storefront.layout import not_found, render


async def vendor(visit: Visit) -> Response:
    place = place_of(visit)
    result = await visit.graphql("Vendor", slug=visit.request.path_params["slug"],
                                 languageCode=language_code(visit), country=place.country,
                                 postalCode=place.postal_code)
    found = result.data.get("vendor")
    if not found:
        return not_found(visit)
    return render(visit, "vendor.html", vendor=found, products=nodes(found["products"]))
