"""A product's pictures, in order. Files are content-addressed (``products/<sha256>.<ext>``)."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped


class ProductMedia(Timestamped, Base):
    __tablename__ = "catalog_product_media"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("catalog_product.id", ondelete="CASCADE"), index=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"))
    #: sha256 of the original; pictures with the same bytes share their files.
    digest: Mapped[str] = mapped_column(String(64), index=True)
    key: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    alt: Mapped[str] = mapped_column(String(250), default="")
    #: ``{"ES": "...", "PT": "..."}``: the alt text per language.
    alt_translations: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: ``{"200": "thumbs/<sha>-200.webp", ...}``, filled after commit from the outbox.
    thumbnails: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
