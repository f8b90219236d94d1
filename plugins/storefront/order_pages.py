"""An order as its buyer sees it: one part per vendor with its status, lines, downloads.

``/orders/view?token=`` is the confirmation e-mail's link (and where a guest lands after
paying); ``/account/orders/{id}`` is the signed-in buyer's own order."""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.forms import field_errors
from plugins.storefront.layout import not_found, render
from plugins.storefront.statuses import status_names


async def by_token(visit: Visit) -> Response:
    """The order of the signed link; with ``gateway=dummy`` (where paying with the dummy
    gateway returns), its dummy payment is confirmed first (idempotent; demo only)."""
    token = visit.request.query_params.get("token", "")
    if not token:
        return not_found(visit)
    result = await visit.graphql("OrderByToken", token=token)
    order = result.data.get("order")
    if not order:
        return not_found(visit)
    if visit.request.query_params.get("gateway") == "dummy" and order["status"] == "UNPAID":
        paid = await visit.graphql("DummyPay", orderId=order["id"], token=token)
        payload = paid.data.get("dummyPaymentConfirm") or {}
        failed = field_errors(visit, payload.get("errors") or paid.errors)
        if not failed:
            return visit.redirect(f"/orders/view?token={quote(token)}")
        visit.notice = next(iter(failed.values()))
    return render(visit, "order.html", order=order, status_names=status_names(visit))


@signed_in
async def mine(visit: Visit) -> Response:
    result = await visit.graphql("MyOrder", id=visit.request.path_params["order_id"])
    if result.unauthenticated:
        return to_login(visit)
    order = result.data.get("order")
    if result.denied or not order:
        return not_found(visit)
    return render(visit, "order.html", order=order, status_names=status_names(visit),
                  invoices=result.data.get("iberiaInvoices") or [])
