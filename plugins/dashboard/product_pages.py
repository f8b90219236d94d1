"""The vendor's products: list (search, filter by kind), create, edit, publish."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login
from plugins.dashboard.product_form import (
    BOOKABLE,
    KINDS,
    LANGS,
    options,
    product_input,
    values_from_form,
    values_from_product,
)


@signed_in
async def product_list(visit: Visit) -> Response:
    search = visit.request.query_params.get("search", "").strip()
    kind = visit.request.query_params.get("kind", "")
    product_filter: dict[str, Any] = {"search": search or None,
                                      "kind": kind if kind in KINDS else None}
    result = await visit.graphql("Products", filter=product_filter,
                                 languageCode=visit.lang.upper() if visit.lang in LANGS else None)
    if result.unauthenticated:
        return to_login(visit)
    vendor = result.data.get("myVendor")
    if vendor is None:
        return visit.redirect(f"{PREFIX}/apply")
    products = [edge["node"] for edge in vendor["products"]["edges"]]
    return visit.render("products.html", products=products, total=vendor["products"]["totalCount"],
                        search=search, kind=kind, kinds=KINDS, vendor=vendor)


@signed_in
async def product_new(visit: Visit) -> Response:
    source = visit.lang if visit.lang in LANGS else "en"
    result = await visit.graphql("ProductOptions", languageCode=source.upper())
    if result.unauthenticated:
        return to_login(visit)
    if result.data.get("myVendor") is None:
        return visit.redirect(f"{PREFIX}/apply")
    errors: dict[str, str] = {}
    values = {"kind": "PHYSICAL", "taxClass": "STANDARD"}
    if visit.request.method == "POST":
        values = values_from_form(visit)
        created = await visit.graphql("ProductCreate", input={
            **product_input(values, source), "languageCode": source.upper()})
        payload = created.data.get("productCreate") or {}
        errors = field_errors(visit, payload.get("errors") or created.errors)
        if not errors:
            return visit.redirect(f"{PREFIX}/products/{payload['product']['id']}",
                                  notice=visit.gettext("Product created. Now add a variant."))
    return visit.render("product_form.html", values=values, errors=errors, product=None,
                        source=source, langs=LANGS, **options(result.data),
                        status_code=400 if errors else 200)


async def load_own_product(visit: Visit) -> tuple[Response | None, dict[str, Any]]:
    """The product of the URL when it is the signed-in vendor's, else a 404 page."""
    result = await visit.graphql("ProductEdit", id=visit.request.path_params["product_id"],
                                 languageCode=visit.lang.upper() if visit.lang in LANGS else None)
    if result.unauthenticated:
        return to_login(visit), {}
    product = result.data.get("product")
    vendor = result.data.get("myVendor")
    if result.denied or not product or not vendor or product["vendor"]["id"] != vendor["id"]:
        return visit.not_found(), {}
    return None, result.data


def render_product(visit: Visit, data: dict[str, Any], values: dict[str, str],
                   errors: dict[str, str], variant_errors: dict[str, str] | None = None,
                   variant_values: dict[str, str] | None = None,
                   series_errors: dict[str, str] | None = None,
                   series_values: dict[str, str] | None = None) -> Response:
    product = data["product"]
    source = product["languageCode"].lower()
    failed = bool(errors or variant_errors or series_errors)
    return visit.render("product_form.html", values=values, errors=errors, product=product,
                        source=source, langs=LANGS, bookable=product["kind"] in BOOKABLE,
                        variant_errors=variant_errors or {},
                        variant_values=variant_values or {},
                        series_errors=series_errors or {},
                        series_values=series_values or {"everyDays": "7", "count": "4"},
                        **options(data),
                        status_code=400 if failed else 200)


@signed_in
async def product_edit(visit: Visit) -> Response:
    refused, data = await load_own_product(visit)
    if refused is not None:
        return refused
    product = data["product"]
    if visit.request.method == "GET":
        return render_product(visit, data, values_from_product(product), {})
    values = values_from_form(visit)
    result = await visit.graphql("ProductUpdate", id=product["id"], input=product_input(
        values, product["languageCode"].lower()))
    payload = result.data.get("productUpdate") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return render_product(visit, data, values, errors)
    return visit.redirect(f"{PREFIX}/products/{product['id']}",
                          notice=visit.gettext("Your changes are saved."))


@signed_in
async def product_publish(visit: Visit) -> Response:
    product_id = visit.request.path_params["product_id"]
    publish = text(visit, "publish") == "1"
    result = await visit.graphql("ProductUpdate", id=product_id, input={"isPublished": publish})
    payload = result.data.get("productUpdate") or {}
    if result.denied or not payload:
        return visit.not_found()
    errors = field_errors(visit, payload.get("errors") or [])
    notice = next(iter(errors.values()), None) or (
        visit.gettext("The product is published.") if publish
        else visit.gettext("The product is hidden from buyers."))
    return visit.redirect(f"{PREFIX}/products/{product_id}", notice=notice)
