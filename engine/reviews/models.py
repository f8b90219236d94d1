"""A review of a product or of a vendor, tied to the paid order line that entitles it."""

from __future__ import annotations

from sqlalchemy import (
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


class Review(Timestamped, Base):
    __tablename__ = "review"
    __table_args__ = (
        UniqueConstraint("order_line_id", "target", name="uq_review_line_target"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
        Index("ix_review_product_visible", "product_id", "is_hidden"),
        Index("ix_review_vendor_visible", "vendor_id", "is_hidden"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ``PRODUCT`` or ``VENDOR``: what is reviewed (one of each per order line).
    target: Mapped[str] = mapped_column(String(8))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_line.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True)
    #: Set for product reviews (null once the product is deleted).
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("catalog_product.id", ondelete="SET NULL"), nullable=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    language_code: Mapped[str] = mapped_column(String(8))
    is_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
