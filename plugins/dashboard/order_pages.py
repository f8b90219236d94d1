"""The vendor's orders: list by status, detail with lines and tax, fulfil, refund a part."""

from __future__ import annotations

from decimal import Decimal

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import N_, decimal_or_none, field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login
from plugins.dashboard.labels import PAYOUT_STATUSES

STATUSES = {
    "PAID": N_("To fulfil"),
    "UNPAID": N_("Awaiting payment"),
    "FULFILLED": N_("Shipped"),
    "COMPLETED": N_("Completed"),
    "PARTIALLY_REFUNDED": N_("Partly refunded"),
    "REFUNDED": N_("Refunded"),
    "CANCELLED": N_("Cancelled"),
    "ACCEPTED": N_("Accepted"),
}


@signed_in
async def order_list(visit: Visit) -> Response:
    status = visit.request.query_params.get("status", "")
    order_filter = {"status": status} if status in STATUSES else None
    result = await visit.graphql("Orders", filter=order_filter)
    if result.unauthenticated:
        return to_login(visit)
    vendor = result.data.get("myVendor")
    if vendor is None:
        return visit.redirect(f"{PREFIX}/apply")
    orders = [edge["node"] for edge in reversed(vendor["orders"]["edges"])]
    return visit.render("orders.html", orders=orders, total=vendor["orders"]["totalCount"],
                        status=status, statuses=STATUSES)


async def _detail(visit: Visit, *, refund_amount: str | None = None,
                  refund_lines: list[str] | None = None,
                  errors: dict[str, str] | None = None) -> Response:
    result = await visit.graphql("OrderDetail", id=visit.request.path_params["order_id"])
    if result.unauthenticated:
        return to_login(visit)
    order = result.data.get("vendorOrder")
    if order is None:
        return visit.not_found()
    return visit.render("order.html", order=order, statuses=STATUSES, errors=errors or {},
                        refund_amount=refund_amount, refund_lines=refund_lines or [],
                        status_code=400 if errors else 200)


@signed_in
async def order_detail(visit: Visit) -> Response:
    return await _detail(visit)


@signed_in
async def order_fulfil(visit: Visit) -> Response:
    order_id = visit.request.path_params["order_id"]
    result = await visit.graphql("OrderFulfil", id=order_id,
                                 trackingNumber=text(visit, "trackingNumber") or None,
                                 carrier=text(visit, "carrier") or None)
    payload = result.data.get("vendorOrderFulfill") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _detail(visit, errors=errors)
    return visit.redirect(f"{PREFIX}/orders/{order_id}", notice=visit.gettext(
        "Marked as shipped. The buyer is told."))


@signed_in
async def order_refund(visit: Visit) -> Response:
    """First post: confirm the amount (or the whole lines, ``kind=lines``); second post
    (``confirm=1``): refund it."""
    order_id = visit.request.path_params["order_id"]
    if text(visit, "kind") == "lines":
        return await _refund_lines(visit, order_id)
    amount = decimal_or_none(text(visit, "amount"))
    if amount is None or Decimal(amount) <= 0:
        return await _detail(visit, errors={"amount": visit.gettext(
            "Write the amount to refund, such as 5.00.")})
    if text(visit, "confirm") != "1":
        return await _detail(visit, refund_amount=amount)
    return await _send_refund(visit, order_id, "amount", "OrderRefund", amount=amount)


async def _refund_lines(visit: Visit, order_id: str) -> Response:
    lines = [v for v in visit.form.getlist("line") if isinstance(v, str) and v]
    if not lines:
        return await _detail(visit, errors={"line": visit.gettext(
            "Choose the lines to refund.")})
    if text(visit, "confirm") != "1":
        return await _detail(visit, refund_lines=lines)
    return await _send_refund(visit, order_id, "line", "OrderRefundLines", lineIds=lines)


async def _send_refund(visit: Visit, order_id: str, field: str, document: str,
                       **given: object) -> Response:
    """Run the confirmed refund; a refusal shows under ``field``, success says the amount
    the engine refunded."""
    result = await visit.graphql(document, vendorOrderId=order_id, **given)
    payload = result.data.get("orderRefund") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _detail(visit, errors={field: next(iter(errors.values()))})
    amount = ((payload.get("refund") or {}).get("amount") or {}).get("amount") or "0"
    return visit.redirect(f"{PREFIX}/orders/{order_id}", notice=visit.gettext(
        "Refunded %(amount)s.", amount=visit.format.money(amount)))


@signed_in
async def balance(visit: Visit) -> Response:
    result = await visit.graphql("Balance")
    if result.unauthenticated:
        return to_login(visit)
    vendor = result.data.get("myVendor")
    if vendor is None:
        return visit.redirect(f"{PREFIX}/apply")
    return visit.render("balance.html", vendor=vendor, balance=vendor["balance"],
                        payouts=vendor["payouts"], payout_statuses=PAYOUT_STATUSES)
