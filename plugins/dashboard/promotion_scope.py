"""What a promotion covers (the whole catalog, chosen products, chosen categories) and its
minimum spend: read from the form into the API's input, and described for the list."""

from __future__ import annotations

from typing import Any

from engine.plugins.api import Visit
from plugins.dashboard.forms import decimal_or_none, text
from plugins.dashboard.product_form import options

SCOPES = ("ALL", "PRODUCTS", "CATEGORIES")


def choices(data: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """The vendor's own products and the categories, as ``(id, name)`` for the form."""
    edges = ((data.get("myVendor") or {}).get("products") or {}).get("edges") or []
    return {"products": [(e["node"]["id"], e["node"]["name"]) for e in edges],
            "categories": options(data)["categories"]}


def scope_input(visit: Visit, values: dict[str, Any], errors: dict[str, str]
                ) -> dict[str, Any]:
    """Read scope, productIds, categoryIds and minSubtotal into ``values``; the API's
    fields back (products or categories only for their scope)."""
    scope = text(visit, "scope")
    values["scope"] = scope if scope in SCOPES else "ALL"
    values["productIds"] = [i for i in visit.form.getlist("productIds") if isinstance(i, str)]
    values["categoryIds"] = [i for i in visit.form.getlist("categoryIds")
                             if isinstance(i, str)]
    values["minSubtotal"] = text(visit, "minSubtotal")
    data: dict[str, Any] = {}
    if values["scope"] == "PRODUCTS":
        data["productIds"] = values["productIds"]
        if not data["productIds"]:
            errors["productIds"] = visit.gettext("Choose at least one product.")
    elif values["scope"] == "CATEGORIES":
        data["categoryIds"] = values["categoryIds"]
        if not data["categoryIds"]:
            errors["categoryIds"] = visit.gettext("Choose at least one category.")
    if values["minSubtotal"]:
        data["minSubtotal"] = decimal_or_none(values["minSubtotal"])
        if data["minSubtotal"] is None:
            errors["minSubtotal"] = visit.gettext("Write a number such as 10 or 12.50.")
    return data


def described(visit: Visit, promotion: dict[str, Any],
              found: dict[str, list[tuple[str, str]]]) -> str:
    """``Whole catalog``, or the names of the products or categories it covers."""
    names = dict(found["products"]) | {k: v.lstrip("— ") for k, v in found["categories"]}
    products = [names.get(i, visit.gettext("a product no longer listed"))
                for i in promotion.get("productIds") or []]
    categories = [names.get(i, visit.gettext("a category no longer listed"))
                  for i in promotion.get("categoryIds") or []]
    parts = []
    if products:
        parts.append(visit.gettext("Products: %(names)s", names=", ".join(products)))
    if categories:
        parts.append(visit.gettext("Categories: %(names)s", names=", ".join(categories)))
    return "; ".join(parts) or visit.gettext("Whole catalog")
