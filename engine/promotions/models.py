"""A vendor promotion: a percentage or fixed reduction per unit on chosen products, chosen
categories or the vendor's whole catalog, between two dates, with an optional minimum."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped
from engine.db.types import ScaledDecimal, UTCDateTime


class Promotion(Timestamped, Base):
    __tablename__ = "promotion"
    __table_args__ = (
        CheckConstraint("kind IN ('PERCENTAGE', 'FIXED')", name="kind_known"),
        CheckConstraint("value > 0", name="value_positive"),
        Index("ix_promotion_vendor_active", "vendor_id", "is_active"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    #: ``PERCENTAGE`` (``value`` is 10.00 for 10 %) or ``FIXED`` (``value`` euros per unit).
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    #: Product and category ids it is limited to; both empty: the vendor's whole catalog.
    product_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    category_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: The least the buyer must spend on the promotion's products of this vendor (undiscounted).
    min_subtotal: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2), nullable=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Voucher(Timestamped, Base):
    """A code a buyer enters at checkout: funded by one vendor (``vendor_id``, on that
    vendor's lines only) or by the platform (``vendor_id`` NULL, on every line); a
    percentage, a fixed amount off the order, or free shipping, after promotions."""

    __tablename__ = "voucher"
    __table_args__ = (
        CheckConstraint("value > 0", name="value_positive"),
        CheckConstraint("usage_limit IS NULL OR used <= usage_limit", name="within_limit"),
        CheckConstraint("kind IN ('PERCENTAGE', 'FIXED', 'FREE_SHIPPING')",
                        name="kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    #: The funding vendor; NULL: funded by the platform (operators create those).
    vendor_id: Mapped[int | None] = mapped_column(
        ForeignKey("vendor.id", ondelete="CASCADE"), index=True, nullable=True)
    #: ``PERCENTAGE``, ``FIXED`` (euros off the covered lines) or ``FREE_SHIPPING``.
    kind: Mapped[str] = mapped_column(String(16), default="PERCENTAGE",
                                      server_default="PERCENTAGE")
    #: Percent off (10.00 = 10 %), euros off, or 100.00 (all of the shipping) for
    #: ``FREE_SHIPPING``.
    value: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    usage_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    used: Mapped[int] = mapped_column(Integer, default=0)
    per_customer_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class VoucherUse(Base):
    """One use of a voucher by a customer (by e-mail): the ``seq``-th use of this customer,
    unique, so two concurrent uses can never both be a customer's last allowed one."""

    __tablename__ = "voucher_use"
    __table_args__ = (UniqueConstraint("voucher_id", "customer", "seq",
                                       name="uq_voucher_use_customer_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    voucher_id: Mapped[int] = mapped_column(ForeignKey("voucher.id", ondelete="CASCADE"))
    customer: Mapped[str] = mapped_column(String(254))
    seq: Mapped[int] = mapped_column(Integer)
    order_id: Mapped[int] = mapped_column(ForeignKey("order.id", ondelete="CASCADE"),
                                          index=True)
