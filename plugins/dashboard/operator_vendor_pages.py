"""The operator's console for vendors: reject an application with a reason, and set each
vendor's commission."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard import operator_pages
from plugins.dashboard.forms import decimal_or_none, field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in
from plugins.dashboard.operator_access import forbidden, refusal

HUNDRED = Decimal(100)


@signed_in
async def reject(visit: Visit) -> Response:
    vendor_id = visit.request.path_params["vendor_id"]
    reason = text(visit, "reason")
    result = await visit.graphql("VendorReject", id=vendor_id, reason=reason)
    if result.denied:
        return forbidden(visit)
    payload = result.data.get("vendorReject") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        message = errors.get("reason") or next(iter(errors.values()))
        return await operator_pages.applications_page(
            visit, errors={vendor_id: message}, reasons={vendor_id: reason})
    return visit.redirect(f"{PREFIX}/operator/vendors", notice=visit.gettext(
        "%(name)s was told why the application was rejected.",
        name=payload["vendor"]["name"]))


async def _commissions(visit: Visit, errors: dict[str, str] | None = None,
                       given: dict[str, str] | None = None) -> Response:
    result = await visit.graphql("OperatorCommissions")
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    vendors: list[dict[str, Any]] = [e["node"] for e in result.data["vendors"]["edges"]]
    for vendor in vendors:
        rate = vendor.get("commissionRate")
        vendor["percent"] = (Decimal(rate) * HUNDRED).normalize() if rate is not None else ""
    return visit.render("operator/commission.html", vendors=vendors, errors=errors or {},
                        given=given or {}, status_code=400 if errors else 200)


@signed_in
async def commissions(visit: Visit) -> Response:
    return await _commissions(visit)


@signed_in
async def commission_set(visit: Visit) -> Response:
    """The form takes a percentage (``12,5``); the API takes the fraction (``0.125``)."""
    vendor_id = visit.request.path_params["vendor_id"]
    given = text(visit, "percent")
    percent = decimal_or_none(given)
    if percent is None or not Decimal(0) <= Decimal(percent) < HUNDRED:
        return await _commissions(visit, {vendor_id: visit.gettext(
            "Write a percentage from 0 to 99.99, such as 10.")}, {vendor_id: given})
    rate = str((Decimal(percent) / HUNDRED).quantize(Decimal("0.0001")))
    result = await visit.graphql("OperatorCommissionSet", id=vendor_id, rate=rate)
    if result.denied:
        return forbidden(visit)
    payload = result.data.get("vendorUpdate") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _commissions(visit, {vendor_id: next(iter(errors.values()))},
                                  {vendor_id: given})
    return visit.redirect(f"{PREFIX}/operator/commission", notice=visit.gettext(
        "The commission of %(name)s is now %(rate)s.", name=payload["vendor"]["name"],
        rate=visit.format.percent(rate)))
