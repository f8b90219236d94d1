"""Catalog tables. Prices are exact (integer cents); stock can never go below zero."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped
from engine.db.types import ScaledDecimal, UTCDateTime


class Category(Base):
    __tablename__ = "catalog_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("catalog_category.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class CategoryTranslation(Base):
    __tablename__ = "catalog_category_translation"
    __table_args__ = (UniqueConstraint("category_id", "language_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("catalog_category.id", ondelete="CASCADE"))
    language_code: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(120))


class Product(Timestamped, Base):
    __tablename__ = "catalog_product"
    __table_args__ = (Index("ix_catalog_product_listing", "is_published", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("catalog_category.id", ondelete="SET NULL"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(32), index=True)
    tax_class: Mapped[str] = mapped_column(String(32), default="STANDARD")
    is_published: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Facts about what is sold that plugins read (tax, delivery), e.g. ``{"delivery":
    #: "ONLINE_LIVE", "location_country": "ES", "location_postal_code": "21700"}``.
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: Where a DIGITAL product's file is: a key under ``RUTA_MEDIA_ROOT`` or an https URL.
    digital_asset: Mapped[str | None] = mapped_column(String(500), nullable=True)
    #: Language of ``name`` and ``description`` (the last step of the fallback chain).
    language_code: Mapped[str] = mapped_column(String(8), default="ES")


class ProductTranslation(Base):
    __tablename__ = "catalog_product_translation"
    __table_args__ = (UniqueConstraint("product_id", "language_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("catalog_product.id", ondelete="CASCADE"))
    language_code: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class ProductVariant(Timestamped, Base):
    __tablename__ = "catalog_variant"
    __table_args__ = (
        UniqueConstraint("vendor_id", "sku"),
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity_positive"),
        CheckConstraint("seats_taken >= 0 AND (capacity IS NULL OR seats_taken <= capacity)",
                        name="seats_within_capacity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("catalog_product.id", ondelete="CASCADE"), index=True
    )
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200), default="")
    price: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    stock: Mapped[int] = mapped_column(Integer, default=0)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: Seats held or confirmed; can never exceed ``capacity`` (checked by the database too).
    seats_taken: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    @property
    def is_bookable(self) -> bool:
        return self.starts_at is not None
