"""A vendor's shipping methods."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped
from engine.db.types import ScaledDecimal


class ShippingMethod(Timestamped, Base):
    """Flat ``price`` to any of ``countries``; free when the vendor's goods reach ``free_over``."""

    __tablename__ = "shipping_method"
    __table_args__ = (CheckConstraint("price >= 0", name="price_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    countries: Mapped[list[Any]] = mapped_column(JSON)
    price: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    free_over: Mapped[Decimal | None] = mapped_column(ScaledDecimal(2), nullable=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
