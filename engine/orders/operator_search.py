"""``operatorOrders``: the operator console's order search, one row per vendor order (the
unit that is fulfilled and refunded), by order number or buyer e-mail (``query``), vendor
and status. Operators only."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import func, or_, select

from engine.api.context import Info
from engine.api.ids import decode_id
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.errors import ValidationError
from engine.orders.graphql import VendorOrderStatus
from engine.orders.models import Order, VendorOrder
from engine.orders.types import VendorOrderType
from engine.vendors.access import require_operator

QUERY_MAX = 254


@strawberry.input
class OperatorOrderSearchInput:
    query: str | None = strawberry.field(
        default=None, description="An order number, or (part of) the buyer's e-mail.")
    vendor_id: strawberry.ID | None = None
    status: VendorOrderStatus | None = None  # type: ignore[valid-type]


def conditions(search: OperatorOrderSearchInput | None) -> list[Any]:
    if search is None:
        return []
    found: list[Any] = []
    text = (search.query or "").strip()
    max_length = QUERY_MAX
    if len(text) > max_length:
        raise ValidationError("search.query", "TOO_LONG", f"Use at most {max_length} characters.")
    if text:
        pattern = "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%")\
            .replace("_", "\\_") + "%"
        by_email = func.lower(Order.email).like(pattern, escape="\\")
        found.append(or_(Order.number == int(text), by_email) if text.isdigit() and
                     len(text) < 10 else by_email)
    if search.vendor_id:
        found.append(VendorOrder.vendor_id == decode_id(search.vendor_id, "Vendor",
                                                        field="search.vendorId"))
    if search.status is not None:
        found.append(VendorOrder.status == str(search.status))
    return found


@strawberry.type
class OperatorOrderQuery:
    @strawberry.field(description="Search every vendor order (operators): by order number or "
                                  "buyer e-mail, vendor and status; ``last: 50``: the newest.")
    async def operator_orders(self, info: Info, search: OperatorOrderSearchInput | None = None,
                              first: int | None = None, after: str | None = None,
                              last: int | None = None, before: str | None = None
                              ) -> Connection[VendorOrderType]:
        require_operator(await info.context.user())
        condition = conditions(search)
        joined: Any = select(VendorOrder, Order).join(Order, Order.id == VendorOrder.order_id)
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            page = await fetch_page(session, joined.where(*condition), VendorOrder.id,
                                    PageArgs(first, after, last, before), lambda r: r[0].id)

        async def count() -> int:
            counted = select(VendorOrder.id).join(Order, Order.id == VendorOrder.order_id)
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(counted.where(*condition))) or 0)

        return connection(page, lambda row: VendorOrderType.of(row[0], row[1], False),
                          lambda row: int(row[0].id), count)
