"""The home page: categories and featured products, priced for the buyer's place."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import language_code, place_of
from plugins.storefront.connections import nodes
from plugins.storefront.layout import render


async def home(visit: Visit) -> Response:
    place = place_of(visit)
    result = await visit.graphql("Home", languageCode=language_code(visit),
                                 country=place.country, postalCode=place.postal_code)
    return render(visit, "home.html", categories=nodes(result.data.get("categories")),
                  products=nodes(result.data.get("products")))
