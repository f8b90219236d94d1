"""The product page: pictures, description, variants with stock or seats left, prices with
the VAT of the buyer's place (under a vendor's promotion: the reduced price, the previous
one struck through and the lowest price of the 30 days before the promotion, Directive
98/6/EC art. 6a), the vendor, reviews, and schema.org ``Product``/``Offer`` JSON-LD with
the buyer-independent price. Two GraphQL documents (product, reviews)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from markupsafe import Markup
from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.buyer import language_code, place_of
from plugins.storefront.connections import nodes
from plugins.storefront.layout import absolute, not_found, render

#: Kinds sold once per buyer (no quantity field): downloads and courses.
SINGLE = {"DIGITAL", "COURSE"}


def promoted(product: dict[str, Any]) -> dict[str, Any] | None:
    """The variant whose promoted price heads the page: the cheapest one under a running
    promotion (None when no variant has one)."""
    offers = [v for v in product["variants"] if v.get("promotedPricing")]
    return min(offers, key=lambda v: Decimal(v["promotedPricing"]["gross"]["amount"]),
               default=None)


def json_ld(visit: Visit, product: dict[str, Any]) -> Markup:
    """``Product`` with an ``Offer`` per variant at the listed (buyer-independent) price."""
    listed = (product.get("listed") or {}).get("gross") or {}
    offers = [{
        "@type": "Offer", "sku": variant["sku"], "price": listed.get("amount"),
        "priceCurrency": listed.get("currency", "EUR"),
        "availability": "https://schema.org/" + (
            "OutOfStock" if variant["quantityAvailable"] == 0 else "InStock"),
        "url": absolute(visit, f"/products/{product['slug']}"),
    } for variant in product["variants"][:1]]
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Product", "name": product["name"],
        "description": product["description"], "sku": (product["variants"] or [{}])[0].get(
            "sku"), "brand": {"@type": "Brand", "name": product["vendor"]["name"]},
        "offers": offers}
    if product.get("thumbnail"):
        data["image"] = product["thumbnail"]
    if product.get("rating"):
        data["aggregateRating"] = {"@type": "AggregateRating",
                                   "ratingValue": product["rating"],
                                   "reviewCount": product["reviewCount"]}
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return Markup(text)  # "<" escaped: safe inside the script data block


async def product(visit: Visit) -> Response:
    place = place_of(visit)
    result = await visit.graphql("Product", slug=visit.request.path_params["slug"],
                                 languageCode=language_code(visit), country=place.country,
                                 postalCode=place.postal_code)
    found = result.data.get("product")
    if not found:
        return not_found(visit)
    reviews = await visit.graphql("Reviews", productId=found["id"])
    return render(visit, "product.html", product=found, json_ld=json_ld(visit, found),
                  promoted=promoted(found),
                  reviews=nodes(reviews.data.get("reviews")), single=found["kind"] in SINGLE)
