"""``checkoutComplete``: one transaction turns a checkout into an order.

Re-validate, re-price, take stock and seats (rows in primary-key order), number the order
(gapless), create one vendor order per vendor and snapshot every line, hold booked seats,
record the events. Idempotent: the order references its checkout uniquely, and the checkout
row is locked first, so a retry (sequential or concurrent) returns the same single order.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.bookings.models import Booking
from engine.bookings.service import holds
from engine.checkout.models import Checkout
from engine.checkout.service import get_checkout
from engine.checkout.snapshot import checkout_snapshot
from engine.checkout.state import CheckoutState, LineState, load_state
from engine.db.types import utcnow
from engine.errors import Collector, ValidationError
from engine.events.outbox import record
from engine.inventory.reservations import take_seats, take_stock
from engine.orders.models import Order, OrderLine, VendorOrder
from engine.orders.numbering import next_number
from engine.orders.payment import mark_paid
from engine.promotions.vouchers import consume
from engine.runtime import Runtime


@dataclass(frozen=True)
class OrderParts:
    """What ``checkoutComplete`` just wrote, so that its answer needs no reading back."""

    vendor_orders: list[VendorOrder]
    lines: dict[int, list[OrderLine]]  # by vendor order id
    bookings: dict[int, list[Booking]]  # by order line id


@dataclass(frozen=True)
class Completed:
    order: Order
    created: bool
    parts: OrderParts | None = None


def _validate(runtime: Runtime, state: CheckoutState) -> None:
    errors = Collector()
    checkout = state.checkout
    if not state.lines:
        errors.add("lines", "EMPTY_CHECKOUT", "The checkout has no lines.")
    if not checkout.email:
        errors.add("email", "EMAIL_REQUIRED", "An e-mail address is required.")
    for index, line in enumerate(state.lines):
        if not line.available:
            errors.add(f"lines.{index}.variantId", "PRODUCT_UNAVAILABLE",
                       "This product is no longer for sale.")
    if state.needs_shipping:
        if not checkout.shipping_address:
            errors.add("shippingAddress", "SHIPPING_ADDRESS_REQUIRED",
                       "Physical goods need a shipping address.")
        for vendor in state.vendors:
            if vendor.needs_shipping and checkout.shipping_address and \
                    vendor.shipping_method is None:
                errors.add(f"shippingMethods.{vendor.vendor.id}", "SHIPPING_METHOD_REQUIRED",
                           f"Choose how {vendor.vendor.name} ships to you.")
    if not checkout.billing_address and not checkout.shipping_address:
        errors.add("billingAddress", "BILLING_ADDRESS_REQUIRED", "A billing address is required.")
    errors.raise_if_any()
    runtime.plugins.hook.ruta_checkout_validate(checkout=checkout_snapshot(state))


async def _reserve(session: AsyncSession, state: CheckoutState) -> None:
    errors = Collector()
    ordered = sorted(enumerate(state.lines), key=lambda item: item[1].variant.id)
    for index, line in ordered:
        quantity = line.line.quantity
        if line.bookable:
            if not await take_seats(session, line.variant.id, quantity):
                errors.add(f"lines.{index}.quantity", "INSUFFICIENT_STOCK",
                           "Not enough places left.")
        elif line.tracks_stock and not await take_stock(session, line.variant.id, quantity):
            errors.add(f"lines.{index}.quantity", "INSUFFICIENT_STOCK", "Not enough in stock.")
    errors.raise_if_any()


def _line(order: Order, vendor_order: VendorOrder, line: LineState) -> OrderLine:
    priced = line.priced
    return OrderLine(
        order_id=order.id, vendor_order_id=vendor_order.id, vendor_id=line.vendor.id,
        variant_id=line.variant.id, product_id=line.product.id, product_name=line.product_name,
        variant_name=line.variant.name, sku=line.variant.sku, product_kind=line.product.kind,
        quantity=line.line.quantity, unit_net=priced.unit.net, unit_tax=priced.unit.tax,
        unit_gross=priced.unit.gross, total_net=priced.total.net, total_tax=priced.total.tax,
        total_gross=priced.total.gross, tax_rate=priced.decision.rate,
        tax_treatment=priced.decision.treatment, tax_territory=priced.decision.territory,
        tax_legal_note=priced.decision.legal_note, digital_asset=line.product.digital_asset,
        stock_released=not line.tracks_stock, discount_gross=line.discount.gross)


#: Kinds whose supply starts at once (CRD art. 16(m): consent ends the withdrawal right).
IMMEDIATE_KINDS = frozenset({"DIGITAL", "COURSE"})


async def _create_order(runtime: Runtime, session: AsyncSession, state: CheckoutState,
                        gateway: str, consent: bool) -> Completed:
    """Insert the order, its vendor orders, lines and seat holds: one INSERT per table
    (rows of a table go in one multi-row statement)."""
    checkout: Checkout = state.checkout
    total = state.total
    order = Order(number=await next_number(session, "order"), checkout_id=checkout.id,
                  user_id=checkout.user_id, email=checkout.email or "", status="UNPAID",
                  total_net=total.net, total_tax=total.tax, total_gross=total.gross,
                  shipping_address=checkout.shipping_address,
                  billing_address=checkout.billing_address or checkout.shipping_address,
                  vat_id=checkout.vat_id, language_code=checkout.language_code,
                  payment_gateway=gateway, plugin_data=dict(checkout.plugin_data or {}))
    if consent and any(line.product.kind in IMMEDIATE_KINDS for line in state.lines):
        order.immediate_supply_consent_at = utcnow()
    session.add(order)
    await session.flush()
    vendor_orders = [VendorOrder(
        order_id=order.id, vendor_id=vendor.vendor.id, status="UNPAID",
        total_net=vendor.total.net, total_tax=vendor.total.tax, total_gross=vendor.total.gross,
        shipping_method_name=vendor.shipping_method.name if vendor.shipping_method and
        vendor.needs_shipping else None,
        shipping_net=vendor.shipping.net, shipping_tax=vendor.shipping.tax,
        shipping_gross=vendor.shipping.gross) for vendor in state.vendors]
    session.add_all(vendor_orders)
    await session.flush()
    lines = {vendor_order.id: [(line, _line(order, vendor_order, line)) for line in vendor.lines]
             for vendor, vendor_order in zip(state.vendors, vendor_orders, strict=True)}
    session.add_all([order_line for pairs in lines.values() for _, order_line in pairs])
    await session.flush()
    now = utcnow()
    bookings: dict[int, list[Booking]] = {}
    for pairs in lines.values():
        for line, order_line in pairs:
            bookings[order_line.id] = holds(
                order.id, order_line.id, line.vendor.id, order.user_id, line.variant.id,
                line.line.quantity, line.variant.starts_at, line.variant.ends_at, now
            ) if line.bookable else []
            session.add_all(bookings[order_line.id])
    await session.flush()
    await record(session, runtime.plugins, "ruta_order_created", order_id=order.id)
    if total.gross == 0:
        await mark_paid(runtime, session, order)
    return Completed(order, created=True, parts=OrderParts(
        vendor_orders=vendor_orders,
        lines={pk: [order_line for _, order_line in pairs] for pk, pairs in lines.items()},
        bookings=bookings))


async def complete(runtime: Runtime, user: User | None, token: str, gateway: str,
                   consent: bool = False) -> Completed:
    """``consent``: the buyer consented to immediate supply of the order's digital content or
    courses (stored on the order when it has some)."""
    try:
        async with runtime.transaction() as session:
            checkout = await get_checkout(session, user, token, lock=True, acting=True)
            existing = await session.scalar(select(Order).where(Order.checkout_id == checkout.id))
            if existing is not None:
                return Completed(existing, created=False)
            state = await load_state(session, runtime.plugins, checkout)
            _validate(runtime, state)
            if checkout.voucher_code and state.voucher is None:
                raise ValidationError("voucherCode", "VOUCHER_USED_UP",
                                      "This voucher is no longer valid: remove it to go on.")
            await _reserve(session, state)
            completed = await _create_order(runtime, session, state, gateway, consent)
            if state.voucher is not None:
                customer = f"user:{checkout.user_id}" if checkout.user_id else \
                    (checkout.email or "")
                await consume(session, state.voucher, customer, completed.order.id)
            return completed
    except IntegrityError:
        # A concurrent completion of the same checkout committed first: return its order.
        async with runtime.db.read() as session:
            checkout = await get_checkout(session, user, token, acting=True)
            winner = await session.scalar(select(Order).where(Order.checkout_id == checkout.id))
        if winner is None:
            raise
        return Completed(winner, created=False)

