"""The plugin's tables: vendor tax profiles and the cross-border B2C sales ledger."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugins.api import (
    CACHE_VERSION_KEY,
    TAX_FACTS_VERSION,
    Base,
    ScaledDecimal,
    UTCDateTime,
    utcnow,
)


class VendorTaxProfile(Base):
    """What the vendor declares about its VAT position (set by its owner or an operator)."""

    __tablename__ = "iberia_vendor_profile"
    #: Any change re-prices: cached catalog reads depend on it (the tax_facts version).
    __table_args__ = {"info": {CACHE_VERSION_KEY: TAX_FACTS_VERSION}}

    vendor_id: Mapped[int] = mapped_column(
        ForeignKey("vendor.id", ondelete="CASCADE"), primary_key=True)
    oss_registered: Mapped[bool] = mapped_column(Boolean, default=False)
    oss_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    exemption_evidence: Mapped[str | None] = mapped_column(String(200), nullable=True)
    exemption_valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    exemption_valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    #: Portuguese issuers: the AT's validation code of each series (``{"F2026": "AAJFJ2K6"}``),
    #: communicated by the vendor (Decreto-Lei 28/2019 art. 7.º; Portaria 195/2020).
    at_validation_codes: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
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


class InvoiceCounter(Base):
    """A gapless counter (``<issuer>:<series>:<year>`` numbers, ``<issuer>:chain`` positions),
    incremented with UPDATE ... RETURNING inside the invoice's transaction."""

    __tablename__ = "iberia_invoice_counter"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Invoice(Base):
    """An issued invoice or credit note: a frozen snapshot, chained per issuer by hash."""

    __tablename__ = "iberia_invoice"
    __table_args__ = (
        UniqueConstraint("issuer_key", "chain_seq"),
        UniqueConstraint("issuer_key", "series", "year", "number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    issuer_key: Mapped[str] = mapped_column(String(32))
    chain_seq: Mapped[int] = mapped_column(Integer)
    series: Mapped[str] = mapped_column(String(1))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(12))
    source_key: Mapped[str] = mapped_column(String(64), unique=True)
    order_id: Mapped[int] = mapped_column(Integer, index=True)
    vendor_order_id: Mapped[int] = mapped_column(Integer, index=True)
    vendor_id: Mapped[int] = mapped_column(Integer, index=True)
    buyer_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    rectifies_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    total_net: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    total_tax: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    total_gross: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class OutsideSales(Base):
    """A vendor's declared cross-border B2C sales in the EU made outside the marketplace
    (net, per calendar year): they count towards the €10,000 threshold (art. 59c)."""

    __tablename__ = "iberia_outside_sales"
    __table_args__ = {"info": {CACHE_VERSION_KEY: TAX_FACTS_VERSION}}

    vendor_id: Mapped[int] = mapped_column(
        ForeignKey("vendor.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    net: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    declared_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    declared_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                  onupdate=utcnow)


class ViesConfirmation(Base):
    """An operator's manual confirmation of a VAT number while VIES is unavailable, with
    its evidence (e.g. the member state's consultation reference); never edited (audit)."""

    __tablename__ = "iberia_vies_confirmation"
    __table_args__ = {"info": {CACHE_VERSION_KEY: TAX_FACTS_VERSION}}

    id: Mapped[int] = mapped_column(primary_key=True)
    vat_id: Mapped[str] = mapped_column(String(32), index=True)
    reference: Mapped[str] = mapped_column(String(100))
    consulted_on: Mapped[date] = mapped_column(Date)
    confirmed_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
