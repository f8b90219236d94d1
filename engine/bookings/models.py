"""One booking per seat, tied to the order line that bought it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped
from engine.db.types import UTCDateTime

BOOKING_STATUSES = ("HELD", "CONFIRMED", "ATTENDED", "NO_SHOW", "CANCELLED_BY_CUSTOMER",
                    "CANCELLED_BY_PROVIDER", "EXPIRED")
#: Statuses that occupy a seat.
ACTIVE = ("HELD", "CONFIRMED", "ATTENDED", "NO_SHOW")


class Booking(Timestamped, Base):
    __tablename__ = "booking"
    __table_args__ = (Index("ix_booking_hold", "status", "hold_expires_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_line_id: Mapped[int] = mapped_column(
        ForeignKey("order_line.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("order.id", ondelete="CASCADE"), index=True)
    variant_id: Mapped[int | None] = mapped_column(
        ForeignKey("catalog_variant.id", ondelete="SET NULL"), nullable=True, index=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_user.id", ondelete="SET NULL"), nullable=True)
    status: Mapped[str] = mapped_column(String(24), default="HELD")
    hold_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
