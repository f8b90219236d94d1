"""A vendor promotion: a percentage or fixed reduction per unit on chosen products, chosen
categories or the vendor's whole catalog, between two dates, with an optional minimum."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, String
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
