"""The operator's console for orders: search by number, e-mail, vendor and status; one
vendor order's detail; a refund (with confirmation) through the core's ``orderRefund``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import decimal_or_none, field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in
from plugins.dashboard.operator_access import forbidden, refusal
from plugins.dashboard.order_pages import STATUSES


@signed_in
async def order_search(visit: Visit) -> Response:
    params = visit.request.query_params
    query, vendor, status = (params.get("q", "").strip()[:254], params.get("vendor", ""),
                             params.get("status", ""))
    search: dict[str, Any] = {"query": query or None, "vendorId": vendor or None,
                              "status": status if status in STATUSES else None}
    result = await visit.graphql("OperatorOrders", search=search)
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    found = result.data.get("operatorOrders") or {"edges": [], "totalCount": 0}
    vendors = [edge["node"] for edge in (result.data.get("vendors") or {}).get("edges", [])]
    errors = field_errors(visit, result.errors)
    return visit.render("operator/orders.html", orders=[e["node"] for e in
                                                        reversed(found["edges"])],
                        total=found["totalCount"], q=query, vendor=vendor, status=status,
                        statuses=STATUSES, vendors=vendors, errors=errors)


async def _detail(visit: Visit, *, refund_amount: str | None = None,
                  errors: dict[str, str] | None = None) -> Response:
    result = await visit.graphql("OperatorOrder", id=visit.request.path_params["order_id"])
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    order = result.data.get("vendorOrder")
    if order is None:
        return visit.not_found()
    return visit.render("operator/order.html", order=order, statuses=STATUSES,
                        errors=errors or {}, refund_amount=refund_amount,
                        status_code=400 if errors else 200)


@signed_in
async def order_detail(visit: Visit) -> Response:
    return await _detail(visit)


@signed_in
async def order_refund(visit: Visit) -> Response:
    """First post: confirm the amount; second post (``confirm=1``): refund it."""
    order_id = visit.request.path_params["order_id"]
    amount = decimal_or_none(text(visit, "amount"))
    if amount is None or Decimal(amount) <= 0:
        return await _detail(visit, errors={"amount": visit.gettext(
            "Write the amount to refund, such as 5.00.")})
    if text(visit, "confirm") != "1":
        return await _detail(visit, refund_amount=amount)
    result = await visit.graphql("OrderRefund", vendorOrderId=order_id, amount=amount)
    if result.denied:
        return forbidden(visit)
    payload = result.data.get("orderRefund") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _detail(visit, errors={"amount": next(iter(errors.values()))})
    return visit.redirect(f"{PREFIX}/operator/orders/{order_id}", notice=visit.gettext(
        "Refunded %(amount)s.", amount=visit.format.money(amount)))
