"""``returnRequestCreate`` and ``myReturnRequests`` (the buyer), ``myVendorReturnRequests`` and
``returnRequestDecide`` (the vendor's staff)."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.errors import NotAuthenticated, ValidationError
from engine.orders.models import Order, VendorOrder
from engine.orders.types import VendorOrderType
from engine.returns import service
from engine.returns.models import ReturnRequest
from engine.vendors.service import vendor_of

ReturnErrorCode = strawberry.enum(
    error_code_enum("ReturnErrorCode", ("INVALID_STATUS", "PERIOD_OVER", "OVER_REFUND",
                                        "REFUND_FAILED")),
    description="Why a return request was refused.")


@strawberry.enum
class ReturnRequestStatus(enum.StrEnum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    REFUSED = "REFUSED"


@strawberry.type
class ReturnError:
    field: str | None
    code: ReturnErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.type(name="ReturnRequest", description="A buyer's request to return one vendor's "
                                                   "part of an order (withdrawal period).")
class ReturnRequestType:
    id: strawberry.ID
    status: ReturnRequestStatus
    reason: str
    vendor_note: str
    created_at: datetime
    decided_at: datetime | None
    vendor_order: VendorOrderType

    @classmethod
    def of(cls, row: ReturnRequest, vendor_order: VendorOrder, order: Order
           ) -> ReturnRequestType:
        return cls(id=strawberry.ID(encode_id("ReturnRequest", row.id)),
                   status=ReturnRequestStatus(row.status), reason=row.reason,
                   vendor_note=row.vendor_note, created_at=row.created_at,
                   decided_at=row.decided_at,
                   vendor_order=VendorOrderType.of(vendor_order, order, False))


@strawberry.type
class ReturnRequestPayload:
    return_request: ReturnRequestType | None = None
    errors: list[ReturnError] = strawberry.field(default_factory=list)


JOINED = select(ReturnRequest, VendorOrder, Order).join(
    VendorOrder, VendorOrder.id == ReturnRequest.vendor_order_id).join(
    Order, Order.id == VendorOrder.order_id)


async def _payload(info: Info, row: ReturnRequest | None, exc: ValidationError | None
                   ) -> ReturnRequestPayload:
    if row is None:
        return ReturnRequestPayload(
            errors=payload_errors(exc, ReturnError, ReturnErrorCode) if exc else [])
    async with info.context.runtime.db.read() as session:
        found = (await session.execute(JOINED.where(ReturnRequest.id == row.id))).one()
    return ReturnRequestPayload(return_request=ReturnRequestType.of(*found))


@strawberry.type
class ReturnQuery:
    @strawberry.field(description="Your vendor's return requests, newest first (max 100).")
    async def my_vendor_return_requests(
            self, info: Info, status: ReturnRequestStatus | None = None
    ) -> list[ReturnRequestType]:
        user = await info.context.user()
        if user is None:
            raise NotAuthenticated()
        async with info.context.runtime.db.read() as session:
            vendor = await vendor_of(session, user)
            if vendor is None:
                return []
            query = JOINED.where(ReturnRequest.vendor_id == vendor.id)
            if status is not None:
                query = query.where(ReturnRequest.status == status.value)
            rows = (await session.execute(query.order_by(ReturnRequest.id.desc()).limit(100)
                                          )).all()
        return [ReturnRequestType.of(*row) for row in rows]


    @strawberry.field(description="Your own return requests (as a buyer), newest first, with "
                                  "the vendor's decision and note.")
    async def my_return_requests(self, info: Info) -> list[ReturnRequestType]:
        user = await info.context.user()
        if user is None:
            raise NotAuthenticated()
        async with info.context.runtime.db.read() as session:
            rows = (await session.execute(JOINED.where(ReturnRequest.user_id == user.id)
                                          .order_by(ReturnRequest.id.desc()).limit(100))).all()
        return [ReturnRequestType.of(*row) for row in rows]


@strawberry.type
class ReturnMutation:
    @strawberry.mutation(description="Ask to return your order's part from one vendor, within "
                                     "14 days of its delivery.")
    async def return_request_create(self, info: Info, vendor_order_id: strawberry.ID,
                                    reason: str) -> ReturnRequestPayload:
        user = await info.context.user()
        row, exc = await attempt(lambda: service.request(
            info.context.runtime, user,
            decode_id(vendor_order_id, "VendorOrder", field="vendorOrderId"), reason))
        return await _payload(info, row, exc)

    @strawberry.mutation(description="Approve a return (the rest of that vendor order is "
                                     "refunded) or refuse it with a note (the vendor's staff).")
    async def return_request_decide(self, info: Info, id: strawberry.ID, approve: bool,
                                    note: str = "") -> ReturnRequestPayload:
        user = await info.context.user()
        row, exc = await attempt(lambda: service.decide(
            info.context.runtime, user, decode_id(id, "ReturnRequest"), approve, note))
        return await _payload(info, row, exc)
