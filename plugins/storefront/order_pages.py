"""An order as its buyer sees it: one part per vendor with its status, lines, downloads.

``/orders/view?token=`` is the confirmation e-mail's link (and where a guest lands after
paying); ``/account/orders/{id}`` is the signed-in buyer's own order."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.layout import not_found, render
from plugins.storefront.statuses import status_names


async def by_token(visit: Visit) -> Response:
    token = visit.request.query_params.get("token", "")
    result = await visit.graphql("OrderByToken", token=token) if token else None
    order = result.data.get("order") if result else None
    if not order:
        return not_found(visit)
    return render(visit, "order.html", order=order, status_names=status_names(visit))


@signed_in
async def mine(visit: Visit) -> Response:
    result = await visit.graphql("MyOrder", id=visit.request.path_params["order_id"])
    if result.unauthenticated:
        return to_login(visit)
    order = result.data.get("order")
    if result.denied or not order:
        return not_found(visit)
    return render(visit, "order.html", order=order, status_names=status_names(visit))
