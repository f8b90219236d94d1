"""GraphQL types of orders: Order, VendorOrder, OrderLine, Booking, PaymentAction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from engine.api.context import Info
from engine.api.enums import LanguageCodeEnum
from engine.api.ids import encode_id
from engine.api.money_types import MoneyType, TaxedMoneyType, money
from engine.bookings.models import Booking
from engine.catalog.pricing import TaxDecision
from engine.checkout.types import AddressType, TaxDecisionType
from engine.money import TaxedMoney
from engine.orders.access import OrderView
from engine.orders.downloads import PAID, sign
from engine.orders.loaders import bookings_by_line, lines_by_vendor_order, vendor_orders_by_order
from engine.orders.models import Order, OrderLine, VendorOrder
from engine.orders.payment import PaymentAction
from engine.vendors.loaders import vendors_by_id
from engine.vendors.types import VendorType


def _totals(row: Any) -> TaxedMoneyType:
    return TaxedMoneyType.of(TaxedMoney(row.total_net, row.total_tax, row.total_gross))


@strawberry.type(name="Booking")
class BookingType:
    id: strawberry.ID
    status: str
    starts_at: datetime | None
    ends_at: datetime | None
    hold_expires_at: datetime | None

    @classmethod
    def of(cls, booking: Booking) -> BookingType:
        return cls(id=encode_id("Booking", booking.id), status=booking.status,
                   starts_at=booking.starts_at, ends_at=booking.ends_at,
                   hold_expires_at=booking.hold_expires_at)


@strawberry.type(name="OrderLine")
class OrderLineType:
    id: strawberry.ID
    product_name: str
    variant_name: str
    sku: str
    product_kind: str
    quantity: int
    unit_price: TaxedMoneyType
    total_price: TaxedMoneyType
    tax_decision: TaxDecisionType
    model: strawberry.Private[OrderLine]
    order: strawberry.Private[Order]
    buyer_view: strawberry.Private[bool]

    @classmethod
    def of(cls, line: OrderLine, order: Order, buyer_view: bool) -> OrderLineType:
        return cls(
            id=encode_id("OrderLine", line.id), product_name=line.product_name,
            variant_name=line.variant_name, sku=line.sku, product_kind=line.product_kind,
            quantity=line.quantity,
            unit_price=TaxedMoneyType.of(TaxedMoney(line.unit_net, line.unit_tax,
                                                    line.unit_gross)),
            total_price=_totals(line),
            tax_decision=TaxDecisionType.of(TaxDecision(
                rate=line.tax_rate, treatment=line.tax_treatment,
                territory=line.tax_territory, legal_note=line.tax_legal_note)),
            model=line, order=order, buyer_view=buyer_view)

    @strawberry.field(description="Gross amount a vendor promotion took off this line; "
                                  "the total price is already net of it.")
    def discount(self) -> MoneyType:
        return money(self.model.discount_gross)

    @strawberry.field(description="Seats booked by this line (bookable variants).")
    async def bookings(self, info: Info) -> list[BookingType]:
        rows = await info.context.loader("bookings", bookings_by_line).load(self.model.id)
        return [BookingType.of(row) for row in rows]

    @strawberry.field(description="A link to the file, valid 15 minutes (the buyer of a paid "
                                  "digital line only).")
    def download_url(self, info: Info) -> str | None:
        if not (self.buyer_view and self.model.digital_asset and self.order.status in PAID):
            return None
        settings = info.context.runtime.settings
        base = settings.public_url.rstrip("/")  # never the request's Host header
        return f"{base}/downloads/{sign(settings, self.model.id)}"


@strawberry.type(name="VendorOrder")
class VendorOrderType:
    id: strawberry.ID
    status: str
    total: TaxedMoneyType
    shipping_price: TaxedMoneyType
    shipping_method_name: str | None
    tracking_number: str | None
    carrier: str | None = strawberry.field(description="Who ships it (e.g. Correos, CTT).")
    fulfilled_at: datetime | None
    created_at: datetime
    model: strawberry.Private[VendorOrder]
    order: strawberry.Private[Order]
    buyer_view: strawberry.Private[bool]

    @classmethod
    def of(cls, row: VendorOrder, order: Order, buyer_view: bool) -> VendorOrderType:
        return cls(id=encode_id("VendorOrder", row.id), status=row.status, total=_totals(row),
                   shipping_price=TaxedMoneyType.of(TaxedMoney(
                       row.shipping_net, row.shipping_tax, row.shipping_gross)),
                   shipping_method_name=row.shipping_method_name,
                   tracking_number=row.tracking_number, carrier=row.carrier,
                   fulfilled_at=row.fulfilled_at,
                   created_at=row.created_at, model=row, order=order, buyer_view=buyer_view)

    @strawberry.field
    async def vendor(self, info: Info) -> VendorType:
        row = await info.context.loader("vendors", vendors_by_id).load((self.model.vendor_id,
                                                                         None))
        return VendorType.of_row(row, None)

    @strawberry.field
    async def lines(self, info: Info) -> list[OrderLineType]:
        rows = await info.context.loader("order_lines", lines_by_vendor_order).load(
            self.model.id)
        return [OrderLineType.of(row, self.order, self.buyer_view) for row in rows]

    @strawberry.field(description="The order number, buyer e-mail and shipping address this "
                                  "vendor needs to deliver.")
    def order_number(self) -> int:
        return self.order.number

    @strawberry.field
    def customer_email(self) -> str:
        return self.order.email

    @strawberry.field
    def shipping_address(self) -> AddressType | None:
        return AddressType.of(self.order.shipping_address)


@strawberry.type(name="Order")
class OrderType:
    id: strawberry.ID
    number: int
    status: str
    email: str
    created_at: datetime
    paid_at: datetime | None
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    vat_id: str | None
    payment_gateway: str | None
    shipping_address: AddressType | None
    billing_address: AddressType | None
    immediate_supply_consent_at: datetime | None = strawberry.field(description=(
        "When the buyer consented to immediate supply of the order's digital content or "
        "courses, acknowledging the loss of the withdrawal right (CRD art. 16(m)); null "
        "without such consent."))
    model: strawberry.Private[Order]
    view: strawberry.Private[OrderView]

    @classmethod
    def of(cls, order: Order, view: OrderView) -> OrderType:
        return cls(id=encode_id("Order", order.id), number=order.number, status=order.status,
                   email=order.email, created_at=order.created_at, paid_at=order.paid_at,
                   language_code=order.language_code, vat_id=order.vat_id,
                   payment_gateway=order.payment_gateway,
                   shipping_address=AddressType.of(order.shipping_address),
                   billing_address=AddressType.of(order.billing_address),
                   immediate_supply_consent_at=order.immediate_supply_consent_at,
                   model=order, view=view)

    @strawberry.field(description="The whole order's total (null for a vendor, who sees its "
                                  "own vendor order's total).")
    def total(self) -> TaxedMoneyType | None:
        return _totals(self.model) if self.view.full else None

    @strawberry.field(description="One per vendor; a vendor sees only its own.")
    async def vendor_orders(self, info: Info) -> list[VendorOrderType]:
        rows = await info.context.loader("vendor_orders", vendor_orders_by_order).load(
            self.model.id)
        visible = [r for r in rows if self.view.full or r.vendor_id == self.view.vendor_id]
        return [VendorOrderType.of(r, self.model, self.view.buyer) for r in visible]


@strawberry.type(name="PaymentAction", description="What the client must do to pay.")
class PaymentActionType:
    gateway: str
    type: str
    client_secret: str | None
    data: JSON | None

    @classmethod
    def of(cls, action: PaymentAction | None) -> PaymentActionType | None:
        if action is None:
            return None
        return cls(gateway=action.gateway, type=action.type, client_secret=action.client_secret,
                   data=action.data)  # type: ignore[arg-type]
