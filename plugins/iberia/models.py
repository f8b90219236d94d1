"""The plugin's tables: vendor tax profiles and the cross-border B2C sales ledger."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugin_api import Base, ScaledDecimal, UTCDateTime, utcnow


class VendorTaxProfile(Base):
    """What the vendor declares about its VAT position (set by its owner or an operator)."""

    __tablename__ = "iberia_vendor_profile"

    vendor_id: Mapped[int] = mapped_column(
        ForeignKey("vendor.id", ondelete="CASCADE"), primary_key=True)
    oss_registered: Mapped[bool] = mapped_column(Boolean, default=False)
    oss_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    exemption_evidence: Mapped[str | None] = mapped_column(String(200), nullable=True)
    exemption_valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    exemption_valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                 onupdate=utcnow)


class CrossBorderSale(Base):
    """One paid vendor order's cross-border B2C sales in the EU (net), for the €10,000
    threshold; at most one row per vendor order (redeliveries are ignored)."""

    __tablename__ = "iberia_b2c_sale"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_order_id: Mapped[int] = mapped_column(Integer, unique=True)
    vendor_id: Mapped[int] = mapped_column(Integer, index=True)
    year: Mapped[int] = mapped_column(Integer)
    net: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
