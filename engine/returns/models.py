"""A buyer's request to return one vendor's part of an order."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base
from engine.db.types import UTCDateTime, utcnow

RETURN_STATUSES = ("REQUESTED", "APPROVED", "REFUSED")


class ReturnRequest(Base):
    """At most one open (REQUESTED) request per vendor order: a partial unique index."""

    __tablename__ = "return_request"
    __table_args__ = (
        Index("uq_return_request_open", "vendor_order_id", unique=True,
              sqlite_where="status = 'REQUESTED'", postgresql_where="status = 'REQUESTED'"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_order_id: Mapped[int] = mapped_column(
        ForeignKey("vendor_order.id", ondelete="CASCADE"), index=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"),
                                           index=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_user.id", ondelete="SET NULL"), nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="REQUESTED")
    vendor_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
