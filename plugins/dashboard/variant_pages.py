"""A product's variants: add one (SKU, price, stock; or a bookable slot), change one."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import decimal_or_none, field_errors, int_or_none, text
from plugins.dashboard.guard import PREFIX, signed_in
from plugins.dashboard.product_form import values_from_product
from plugins.dashboard.product_pages import load_own_product, render_product

FIELDS = ("sku", "name", "price", "stock", "startsAt", "endsAt", "capacity")


def _local_time(visit: Visit, value: str) -> str | None:
    """A ``datetime-local`` value in the visitor's time zone, as an ISO instant."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return "invalid"
    return moment.replace(tzinfo=ZoneInfo(visit.time_zone)).isoformat()


def _variant_input(visit: Visit, values: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    errors: dict[str, str] = {}
    price = decimal_or_none(values["price"])
    if price is None:
        errors["price"] = visit.gettext("Write a price such as 12.50.")
    stock = int_or_none(values["stock"] or "0")
    if stock is None or stock < 0:
        errors["stock"] = visit.gettext("Write a whole number, 0 or more.")
    data: dict[str, Any] = {"sku": values["sku"], "name": values["name"] or None,
                            "price": price, "stock": stock or 0}
    for field in ("startsAt", "endsAt"):
        when = _local_time(visit, values[field])
        if when == "invalid":
            errors[field] = visit.gettext("This value is not valid.")
        elif when:
            data[field] = when
    if values["capacity"]:
        data["capacity"] = int_or_none(values["capacity"])
        if data["capacity"] is None:
            errors["capacity"] = visit.gettext("Write a whole number, 0 or more.")
    return data, errors


@signed_in
async def variant_create(visit: Visit) -> Response:
    refused, data = await load_own_product(visit)
    if refused is not None:
        return refused
    product = data["product"]
    values = {field: text(visit, field) for field in FIELDS}
    variant, errors = _variant_input(visit, values)
    if not errors:
        result = await visit.graphql("VariantCreate", input={**variant,
                                                             "productId": product["id"]})
        payload = result.data.get("productVariantCreate") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return render_product(visit, data, values_from_product(product), {},
                              variant_errors=errors, variant_values=values)
    return visit.redirect(f"{PREFIX}/products/{product['id']}#variants",
                          notice=visit.gettext("Variant added."))


@signed_in
async def variant_update(visit: Visit) -> Response:
    product_id = visit.request.path_params["product_id"]
    price = decimal_or_none(text(visit, "price"))
    stock = int_or_none(text(visit, "stock"))
    if price is None or stock is None or stock < 0:
        notice = visit.gettext("Write a price such as 12.50 and a whole number of units.")
        return visit.redirect(f"{PREFIX}/products/{product_id}#variants", notice=notice)
    result = await visit.graphql("VariantUpdate", id=visit.request.path_params["variant_id"],
                                 input={"price": price, "stock": stock})
    payload = result.data.get("productVariantUpdate") or {}
    if result.denied or not payload:
        return visit.not_found()
    errors = field_errors(visit, payload.get("errors") or [])
    notice = next(iter(errors.values()), None) or visit.gettext("Variant saved.")
    return visit.redirect(f"{PREFIX}/products/{product_id}#variants", notice=notice)


SERIES_FIELDS = ("skuPrefix", "price", "startsAt", "durationMinutes", "count", "everyDays",
                 "capacity")


@signed_in
async def series_create(visit: Visit) -> Response:
    refused, data = await load_own_product(visit)
    if refused is not None:
        return refused
    product = data["product"]
    values = {field: text(visit, field) for field in SERIES_FIELDS}
    errors: dict[str, str] = {}
    numbers = {name: int_or_none(values[name]) for name in
               ("durationMinutes", "count", "everyDays", "capacity")}
    for name, number in numbers.items():
        if number is None or number < 1:
            errors[name] = visit.gettext("Write a whole number, 1 or more.")
    price = decimal_or_none(values["price"])
    if price is None:
        errors["price"] = visit.gettext("Write a price such as 12.50.")
    starts = _local_time(visit, values["startsAt"])
    if starts in (None, "invalid"):
        errors["startsAt"] = visit.gettext("This value is not valid.")
    if not errors:
        result = await visit.graphql("SlotSeriesCreate", input={
            "productId": product["id"], "skuPrefix": values["skuPrefix"], "price": price,
            "startsAt": starts, "timeZone": visit.time_zone, **numbers})
        payload = result.data.get("productSlotSeriesCreate") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return render_product(visit, data, values_from_product(product), {},
                              series_errors=errors, series_values=values)
    return visit.redirect(f"{PREFIX}/products/{product['id']}#variants", notice=visit.ngettext(
        "%(num)d slot added.", "%(num)d slots added.", numbers["count"] or 0))
