"""GraphQL for orders: ``order``, ``vendorOrder``, ``myOrders``, ``Vendor.orders``,
``checkoutComplete``, ``orderCancel``, ``orderMarkPaid``, ``vendorOrderFulfill``."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Any

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, decode_token_id
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.api.viewer import can_manage_vendor
from engine.checkout.complete import OrderParts, complete
from engine.checkout.graphql import CheckoutError, checkout_errors
from engine.errors import NotAuthenticated, PermissionDenied, ValidationError
from engine.orders import guest_link, service
from engine.orders.access import OrderView, view_of
from engine.orders.guest_graphql import mine as _mine
from engine.orders.loaders import (
    bookings_by_line,
    lines_by_vendor_order,
    vendor_orders_by_order,
)
from engine.orders.models import Order, VendorOrder
from engine.orders.payment import gateways
from engine.orders.status import VENDOR_ORDER_STATUSES
from engine.orders.types import OrderType, PaymentActionType, VendorOrderType
from engine.vendors.types import VendorType

OrderErrorCode = strawberry.enum(
    error_code_enum("OrderErrorCode", ("INVALID_STATUS", "NOT_FULFILLABLE")),
    description="Why an order mutation was refused.")

VendorOrderStatus = strawberry.enum(
    enum.StrEnum("VendorOrderStatus",  # type: ignore[misc, call-overload]
                 {s: s for s in VENDOR_ORDER_STATUSES}),
    description="Status of one vendor's part of an order.")


@strawberry.type
class OrderError:
    field: str | None
    code: OrderErrorCode  # type: ignore[valid-type]
    message: str


def _errors(exc: ValidationError | None) -> list[OrderError]:
    return payload_errors(exc, OrderError, OrderErrorCode) if exc else []


@strawberry.type
class CheckoutCompletePayload:
    order: OrderType | None = None
    payment_action: PaymentActionType | None = None
    order_token: str | None = strawberry.field(default=None, description=(
        "A signed token naming the order, for the buyer who completed the checkout: "
        "orderByToken opens it (as the confirmation e-mail's link does) and "
        "dummyPaymentConfirm accepts it from guests."))
    errors: list[CheckoutError] = strawberry.field(default_factory=list)


@strawberry.type
class OrderPayload:
    order: OrderType | None = None
    errors: list[OrderError] = strawberry.field(default_factory=list)


@strawberry.type
class VendorOrderPayload:
    vendor_order: VendorOrderType | None = None
    errors: list[OrderError] = strawberry.field(default_factory=list)


@strawberry.input
class VendorOrderFilterInput:
    status: VendorOrderStatus | None = None  # type: ignore[valid-type]
    created_from: datetime | None = None
    created_to: datetime | None = None


async def vendor_orders(root: VendorType, info: Info, first: int | None = None,
                        after: str | None = None, last: int | None = None,
                        before: str | None = None, filter: VendorOrderFilterInput | None = None,
                        ) -> Connection[VendorOrderType]:
    """This vendor's orders (its staff and operators only)."""
    if not await can_manage_vendor(info, root.model.id):
        raise PermissionDenied("Only the vendor's staff see its orders.")
    condition: list[Any] = [VendorOrder.vendor_id == root.model.id]
    if filter is not None:
        if filter.status is not None:
            condition.append(VendorOrder.status == str(filter.status))
        if filter.created_from is not None:
            condition.append(VendorOrder.created_at >= filter.created_from)
        if filter.created_to is not None:
            condition.append(VendorOrder.created_at < filter.created_to)
    query: Any = select(VendorOrder, Order).join(Order, Order.id == VendorOrder.order_id) \
        .where(*condition)
    runtime = info.context.runtime
    async with runtime.db.read() as session:
        page = await fetch_page(session, query, VendorOrder.id,
                                PageArgs(first, after, last, before), lambda r: r[0].id)

    async def count() -> int:
        async with runtime.db.read() as session:
            return int(await session.scalar(count_of(select(VendorOrder.id).where(*condition)))
                       or 0)

    return connection(page, lambda row: VendorOrderType.of(row[0], row[1], False),
                      lambda row: int(row[0].id), count)


async def _order(info: Info, order: Order | None, *, created_here: bool = False
                 ) -> OrderType | None:
    if order is None:
        return None
    async with info.context.runtime.db.read() as session:
        fresh = await session.get(Order, order.id)
        assert fresh is not None
        view = await view_of(session, await info.context.user(), fresh, created_here)
    return OrderType.of(fresh, view) if view else None


def _prime(info: Info, order: Order, parts: OrderParts) -> None:
    info.context.loader("vendor_orders", vendor_orders_by_order).prime(
        order.id, parts.vendor_orders)
    lines = info.context.loader("order_lines", lines_by_vendor_order)
    for vendor_order_id, order_lines in parts.lines.items():
        lines.prime(vendor_order_id, order_lines)
    bookings = info.context.loader("bookings", bookings_by_line)
    for line_id, held in parts.bookings.items():
        bookings.prime(line_id, held)


@strawberry.type
class OrderQuery:
    @strawberry.field(description="An order: its customer and operators see all of it, each "
                                  "vendor involved only its own part.")
    async def order(self, info: Info, id: strawberry.ID) -> OrderType | None:
        pk = decode_id(id, "Order")
        async with info.context.runtime.db.read() as session:
            order = await session.get(Order, pk)
        return await _order(info, order)

    @strawberry.field(description="One vendor's part of an order, for that vendor's staff and "
                                  "operators (null for anyone else).")
    async def vendor_order(self, info: Info, id: strawberry.ID) -> VendorOrderType | None:
        pk = decode_id(id, "VendorOrder")
        async with info.context.runtime.db.read() as session:
            row = await session.get(VendorOrder, pk)
            order = await session.get(Order, row.order_id) if row is not None else None
        if row is None or order is None or not await can_manage_vendor(info, row.vendor_id):
            return None
        return VendorOrderType.of(row, order, False)

    @strawberry.field(description="The signed-in customer's orders, newest last.")
    async def my_orders(self, info: Info, first: int | None = None, after: str | None = None,
                        last: int | None = None, before: str | None = None
                        ) -> Connection[OrderType]:
        user = await info.context.user()
        if user is None:
            raise NotAuthenticated()
        mine = _mine(user)
        query = select(Order).where(mine)
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            page = await fetch_page(session, query, Order.id,
                                    PageArgs(first, after, last, before), lambda r: r[0].id)

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(select(Order.id).where(mine))) or 0)

        view = OrderView(full=True, buyer=True)
        return connection(page, lambda row: OrderType.of(row[0], view),
                          lambda row: int(row[0].id), count)


@strawberry.type
class OrderMutation:
    @strawberry.mutation(description="Turn the checkout into an order (idempotent: a retry "
                                     "returns the same order).")
    async def checkout_complete(
            self, info: Info, id: strawberry.ID, payment_gateway: str = "manual",
            immediate_supply_consent: Annotated[bool, strawberry.argument(description=(
                "The buyer consents to immediate supply of the digital content or courses "
                "and acknowledges losing the right of withdrawal (CRD art. 16(m)); stored "
                "on the order as immediateSupplyConsentAt."))] = False,
    ) -> CheckoutCompletePayload:
        runtime = info.context.runtime
        gateway = gateways(runtime.plugins).get(payment_gateway)
        if gateway is None or not gateway.available(runtime.settings):
            unknown = ValidationError("paymentGateway", "INVALID_GATEWAY",
                                      "This payment gateway is not available.")
            return CheckoutCompletePayload(errors=checkout_errors(unknown))
        user = await info.context.user()
        done, exc = await attempt(lambda: complete(
            runtime, user, decode_token_id(id, "Checkout"), payment_gateway,
            immediate_supply_consent))
        if done is None:
            return CheckoutCompletePayload(errors=checkout_errors(exc))
        action = None
        if done.order.status == "UNPAID":
            action = await gateway.start(runtime, done.order)
        if done.parts is None or done.order.status != "UNPAID":
            order = await _order(info, done.order, created_here=True)
        else:  # just written and unchanged since: answer from memory, no reading back
            _prime(info, done.order, done.parts)
            order = OrderType.of(done.order, OrderView(full=True, buyer=True))
        return CheckoutCompletePayload(order=order, payment_action=PaymentActionType.of(action),
                                       order_token=guest_link.sign(runtime.settings,
                                                                   done.order.id))

    @strawberry.mutation(description="Cancel an order: the customer while it is unpaid, an "
                                     "operator while nothing has shipped. Stock and seats "
                                     "go back.")
    async def order_cancel(self, info: Info, id: strawberry.ID) -> OrderPayload:
        user = await info.context.user()
        order, exc = await attempt(lambda: service.cancel(info.context.runtime, user,
                                                          decode_id(id, "Order")))
        return OrderPayload(order=await _order(info, order), errors=_errors(exc))

    @strawberry.mutation(description="Record a payment received outside the platform "
                                     "(operators).")
    async def order_mark_paid(self, info: Info, id: strawberry.ID) -> OrderPayload:
        user = await info.context.user()
        order, exc = await attempt(lambda: service.mark_paid_by_operator(
            info.context.runtime, user, decode_id(id, "Order")))
        return OrderPayload(order=await _order(info, order), errors=_errors(exc))

    @strawberry.mutation(description="Mark your part of a paid order as shipped.")
    async def vendor_order_fulfill(self, info: Info, id: strawberry.ID,
                                   tracking_number: str | None = None,
                                   carrier: str | None = None) -> VendorOrderPayload:
        user = await info.context.user()
        vendor_order, exc = await attempt(lambda: service.fulfill(
            info.context.runtime, user, decode_id(id, "VendorOrder"), tracking_number,
            carrier))
        if vendor_order is None:
            return VendorOrderPayload(errors=_errors(exc))
        async with info.context.runtime.db.read() as session:
            order = await session.get(Order, vendor_order.order_id)
        assert order is not None
        return VendorOrderPayload(vendor_order=VendorOrderType.of(vendor_order, order, False))
