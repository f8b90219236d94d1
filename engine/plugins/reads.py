"""Read models plugins may use (through ``engine.plugins.api``) instead of the core's tables.

Plain, frozen values: an order with its vendor orders and lines, a product's or a
variant's facts, users' e-mails, and the public product listing query (rows that
``ProductType.of_row`` accepts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.catalog.listing import Scope, category_and_descendants, product_select, visible
from engine.catalog.models import Product, ProductVariant
from engine.orders.models import Order, OrderLine, VendorOrder
from engine.payments.models import LedgerEntry
from engine.vendors.models import Vendor, VendorMembership

#: Columns for filters and joins on ``public_products`` queries.
PRODUCT_ID = Product.id
PRODUCT_CATEGORY_ID = Product.category_id

__all__ = [
    "PRODUCT_CATEGORY_ID",
    "PRODUCT_ID",
    "OrderFacts",
    "OrderLineFacts",
    "OwnedVendorFacts",
    "ProductFacts",
    "VariantFacts",
    "VendorFacts",
    "VendorOrderFacts",
    "category_and_descendants",
    "operator_ids",
    "order_facts",
    "order_lines",
    "owned_vendors",
    "product_facts",
    "public_products",
    "user_emails",
    "user_ids_by_email",
    "user_names",
    "variant_facts",
    "vendor_facts",
]


@dataclass(frozen=True)
class ProductFacts:
    id: int
    vendor_id: int
    kind: str
    category_id: int | None
    is_published: bool
    name: str
    attributes: dict[str, Any]
    min_price: Decimal | None


@dataclass(frozen=True)
class VariantFacts:
    id: int
    product_id: int
    vendor_id: int
    price: Decimal
    starts_at: datetime | None
    ends_at: datetime | None
    capacity: int | None
    seats_taken: int


@dataclass(frozen=True)
class OrderLineFacts:
    id: int
    product_id: int | None
    variant_id: int | None
    product_kind: str
    product_name: str
    quantity: int
    unit_gross: Decimal
    total_net: Decimal
    total_gross: Decimal
    tax_treatment: str
    product_attributes: dict[str, Any]
    tax_rate: Decimal
    tax_legal_note: str | None
    variant_name: str
    #: Where the line is taxed (the tax decision's territory: ES, PT-20, FR...).
    tax_territory: str | None = None


@dataclass(frozen=True)
class VendorOrderFacts:
    id: int
    vendor_id: int
    vendor_country: str
    vendor_postal_code: str
    status: str
    shipping_net: Decimal
    total_gross: Decimal
    lines: tuple[OrderLineFacts, ...]
    shipping_tax: Decimal = Decimal("0.00")
    #: The part of ``total_gross`` a platform-funded voucher paid for the buyer.
    platform_discount: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class OrderFacts:
    id: int
    number: int
    status: str
    user_id: int | None
    #: The order's user, else the account whose e-mail placed it (guest checkout).
    buyer_user_id: int | None
    email: str
    language_code: str
    vat_id: str | None
    shipping_address: dict[str, Any] | None
    billing_address: dict[str, Any] | None
    plugin_data: dict[str, Any]
    vendor_orders: tuple[VendorOrderFacts, ...]

    def lines(self, kind: str | None = None) -> list[tuple[VendorOrderFacts, OrderLineFacts]]:
        return [(vo, line) for vo in self.vendor_orders for line in vo.lines
                if kind is None or line.product_kind == kind]


@dataclass(frozen=True)
class VendorFacts:
    id: int
    name: str
    slug: str
    status: str
    tax_id: str
    country: str
    postal_code: str
    region: str | None
    language_code: str
    #: Whether its prices (and shipping prices) include VAT: how its amounts were split.
    prices_include_tax: bool = False


async def vendor_facts(session: AsyncSession, vendor_id: int) -> VendorFacts | None:
    v = await session.get(Vendor, vendor_id)
    if v is None:
        return None
    return VendorFacts(v.id, v.name, v.slug, v.status, v.tax_id, v.country, v.postal_code,
                       v.region, v.language_code, v.prices_include_tax)


def _line_facts(line: OrderLine, attributes: dict[str, Any] | None) -> OrderLineFacts:
    return OrderLineFacts(
        line.id, line.product_id, line.variant_id, line.product_kind, line.product_name,
        line.quantity, line.unit_gross, line.total_net, line.total_gross, line.tax_treatment,
        dict(attributes or {}), line.tax_rate, line.tax_legal_note, line.variant_name,
        line.tax_territory)


async def order_lines(session: AsyncSession, line_ids: Sequence[int]
                      ) -> dict[int, OrderLineFacts]:
    rows = await session.execute(
        select(OrderLine, Product.attributes).outerjoin(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.id.in_(line_ids)))
    return {line.id: _line_facts(line, attributes) for line, attributes in rows}


def public_products(language: str | None) -> Select[Any]:
    """Published products of approved vendors with their text in ``language``."""
    return visible(product_select(language), Scope())


async def product_facts(session: AsyncSession, product_id: int) -> ProductFacts | None:
    product = await session.get(Product, product_id)
    if product is None:
        return None
    price = await session.scalar(select(func.min(ProductVariant.price))
                                 .where(ProductVariant.product_id == product_id))
    return ProductFacts(product.id, product.vendor_id, product.kind, product.category_id,
                        product.is_published, product.name, dict(product.attributes or {}),
                        price)


async def variant_facts(session: AsyncSession, variant_id: int) -> VariantFacts | None:
    v = await session.get(ProductVariant, variant_id)
    if v is None:
        return None
    return VariantFacts(v.id, v.product_id, v.vendor_id, v.price, v.starts_at, v.ends_at,
                        v.capacity, v.seats_taken)


async def variants_facts(session: AsyncSession, variant_ids: Sequence[int]
                         ) -> dict[int, VariantFacts]:
    """:func:`variant_facts` of many variants in one statement (missing ones left out)."""
    if not variant_ids:
        return {}
    rows = await session.scalars(select(ProductVariant).where(
        ProductVariant.id.in_(set(variant_ids))))
    return {v.id: VariantFacts(v.id, v.product_id, v.vendor_id, v.price, v.starts_at,
                               v.ends_at, v.capacity, v.seats_taken) for v in rows}


async def operator_ids(session: AsyncSession) -> list[int]:
    """The platform's staff (operators): e.g. the programme's coordinators."""
    return list(await session.scalars(select(User.id).where(User.is_operator, User.is_active)
                                      .order_by(User.id)))


async def user_emails(session: AsyncSession, ids: Sequence[int]) -> dict[int, str]:
    rows = await session.execute(select(User.id, User.email).where(User.id.in_(ids)))
    return {user_id: email for user_id, email in rows}


async def user_names(session: AsyncSession, ids: Sequence[int]) -> dict[int, str]:
    """The names the users gave their accounts (``""`` when none was given)."""
    rows = await session.execute(select(User.id, User.name).where(User.id.in_(ids)))
    return {user_id: name for user_id, name in rows}


async def order_facts(session: AsyncSession, order_id: int) -> OrderFacts | None:
    order = await session.get(Order, order_id)
    if order is None:
        return None
    buyer = order.user_id or await session.scalar(
        select(User.id).where(User.email == order.email.lower()))
    parts = (await session.execute(
        select(VendorOrder, Vendor.country, Vendor.postal_code)
        .join(Vendor, Vendor.id == VendorOrder.vendor_id)
        .where(VendorOrder.order_id == order_id).order_by(VendorOrder.id))).all()
    rows = (await session.execute(
        select(OrderLine, Product.attributes).outerjoin(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order_id).order_by(OrderLine.id))).all()
    lines: dict[int, list[OrderLineFacts]] = {}
    for line, attributes in rows:
        lines.setdefault(line.vendor_order_id, []).append(_line_facts(line, attributes))
    return OrderFacts(
        id=order.id, number=order.number, status=order.status, user_id=order.user_id,
        buyer_user_id=buyer, email=order.email, language_code=order.language_code,
        vat_id=order.vat_id, shipping_address=order.shipping_address,
        billing_address=order.billing_address, plugin_data=dict(order.plugin_data or {}),
        vendor_orders=tuple(VendorOrderFacts(
            vo.id, vo.vendor_id, country, postal, vo.status, vo.shipping_net, vo.total_gross,
            tuple(lines.get(vo.id, [])), vo.shipping_tax, vo.platform_discount)
            for vo, country, postal in parts))


async def commission_by_vendor(session: AsyncSession, start: datetime, end: datetime
                               ) -> dict[int, Decimal]:
    """The platform's commission per vendor recorded in ``[start, end)`` (COMMISSION minus
    COMMISSION_REFUND ledger entries), for the platform's own invoices to its vendors."""
    rows = await session.execute(
        select(LedgerEntry.vendor_id, LedgerEntry.kind, func.sum(LedgerEntry.amount))
        .where(LedgerEntry.kind.in_(("COMMISSION", "COMMISSION_REFUND")),
               LedgerEntry.created_at >= start, LedgerEntry.created_at < end)
        .group_by(LedgerEntry.vendor_id, LedgerEntry.kind))
    found: dict[int, Decimal] = {}
    for vendor_id, kind, amount in rows:
        sign = 1 if kind == "COMMISSION" else -1
        found[vendor_id] = found.get(vendor_id, Decimal("0.00")) + sign * Decimal(amount)
    return {k: v.quantize(Decimal("0.01")) for k, v in found.items()}


async def user_ids_by_email(session: AsyncSession, emails: Sequence[str]) -> dict[str, int]:
    """Accounts by (lower-cased) e-mail; unknown e-mails are absent from the result."""
    wanted = [e.strip().lower() for e in emails]
    rows = await session.execute(select(User.email, User.id).where(User.email.in_(wanted)))
    return {email: user_id for email, user_id in rows}


@dataclass(frozen=True)
class OwnedVendorFacts:
    """A vendor some user owns: when it was founded (created), its status and when its
    first order was paid (None if never)."""

    vendor_id: int
    owner_id: int
    status: str
    country: str
    founded_at: datetime
    first_paid_at: datetime | None


async def owned_vendors(session: AsyncSession, user_ids: Sequence[int]
                        ) -> list[OwnedVendorFacts]:
    """Vendors owned by ``user_ids`` (OWNER memberships), with their first paid order."""
    first_paid = (select(VendorOrder.vendor_id, func.min(Order.paid_at).label("paid"))
                  .join(Order, Order.id == VendorOrder.order_id)
                  .where(Order.paid_at.is_not(None)).group_by(VendorOrder.vendor_id).subquery())
    rows = await session.execute(
        select(Vendor.id, VendorMembership.user_id, Vendor.status, Vendor.country,
               Vendor.created_at, first_paid.c.paid)
        .join(VendorMembership, VendorMembership.vendor_id == Vendor.id)
        .outerjoin(first_paid, first_paid.c.vendor_id == Vendor.id)
        .where(VendorMembership.user_id.in_(user_ids), VendorMembership.role == "OWNER")
        .order_by(Vendor.id))
    return [OwnedVendorFacts(*row) for row in rows]
