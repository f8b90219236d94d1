"""Orders, vendor orders and lines. Lines snapshot what was sold, at what price and tax."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped
from engine.db.types import ScaledDecimal, UTCDateTime

Cents = ScaledDecimal(2)


class Totals:
    """Net, tax and gross columns (exact cents)."""

    total_net: Mapped[Decimal] = mapped_column(Cents)
    total_tax: Mapped[Decimal] = mapped_column(Cents)
    total_gross: Mapped[Decimal] = mapped_column(Cents)


class OrderCounter(Base):
    """Gapless sequences: incremented inside the order's transaction (a rollback undoes it)."""

    __tablename__ = "order_counter"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Order(Totals, Timestamped, Base):
    __tablename__ = "order"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    checkout_id: Mapped[int] = mapped_column(Integer, unique=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_user.id", ondelete="SET NULL"), nullable=True, index=True)
    email: Mapped[str] = mapped_column(String(254))
    status: Mapped[str] = mapped_column(String(24), index=True)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    shipping_address: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    billing_address: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    vat_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    language_code: Mapped[str] = mapped_column(String(8), default="EN")
    payment_gateway: Mapped[str | None] = mapped_column(String(32), nullable=True)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: When the buyer consented to immediate supply of digital content or a course and
    #: acknowledged losing the right of withdrawal (Consumer Rights Directive art. 16(m)).
    immediate_supply_consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(),
                                                                         nullable=True)
    #: The checkout's ``plugin_data``, copied when the order is placed.
    plugin_data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class VendorOrder(Totals, Timestamped, Base):
    __tablename__ = "vendor_order"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("order.id", ondelete="CASCADE"), index=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="RESTRICT"),
                                           index=True)
    status: Mapped[str] = mapped_column(String(24), index=True)
    shipping_method_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    shipping_net: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
    shipping_tax: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
    shipping_gross: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
    tracking_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    carrier: Mapped[str | None] = mapped_column(String(60), nullable=True)
    fulfilled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class OrderLine(Totals, Base):
    __tablename__ = "order_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("order.id", ondelete="CASCADE"), index=True)
    vendor_order_id: Mapped[int] = mapped_column(
        ForeignKey("vendor_order.id", ondelete="CASCADE"), index=True)
    vendor_id: Mapped[int] = mapped_column(Integer)
    variant_id: Mapped[int | None] = mapped_column(
        ForeignKey("catalog_variant.id", ondelete="SET NULL"), nullable=True, index=True)
    product_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    product_name: Mapped[str] = mapped_column(String(200))
    variant_name: Mapped[str] = mapped_column(String(200))
    sku: Mapped[str] = mapped_column(String(64))
    product_kind: Mapped[str] = mapped_column(String(32))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_net: Mapped[Decimal] = mapped_column(Cents)
    unit_tax: Mapped[Decimal] = mapped_column(Cents)
    unit_gross: Mapped[Decimal] = mapped_column(Cents)
    tax_rate: Mapped[Decimal] = mapped_column(ScaledDecimal(4))
    tax_treatment: Mapped[str] = mapped_column(String(24))
    tax_territory: Mapped[str | None] = mapped_column(String(16), nullable=True)
    tax_legal_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    stock_released: Mapped[bool] = mapped_column(default=False)
    digital_asset: Mapped[str | None] = mapped_column(String(500), nullable=True)
    #: Gross reduction of the whole line by a vendor promotion (0: none); ``total_gross``
    #: is already net of it, so a refund of the line gives back what was paid.
    discount_gross: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
