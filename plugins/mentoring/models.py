"""Experts, the tag taxonomy, offerings, dated sessions, bookings and vouchers.

Tables are prefixed ``mentoring_``; the revision in ``migrations/`` creates exactly these.
Weekly plans and exceptions are small per expert and always read whole: JSON columns.
"""

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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugins.api import Base, ScaledDecimal, UTCDateTime, utcnow

USER_FK = "account_user.id"


class Tag(Base):
    """One expertise tag of the operator-managed taxonomy (``labels``: language -> text)."""

    __tablename__ = "mentoring_tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    labels: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class Expert(Base):
    __tablename__ = "mentoring_expert"
    __table_args__ = (
        CheckConstraint("capacity >= 0", name="capacity_positive"),
        CheckConstraint("active_mentees >= 0 AND active_mentees <= capacity",
                        name="mentees_within_capacity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"), unique=True)
    vendor_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    display_name: Mapped[str] = mapped_column(String(120))
    bio: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    background: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    legal_systems: Mapped[list[str]] = mapped_column(JSON, default=list)
    time_zone: Mapped[str] = mapped_column(String(64))
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    active_mentees: Mapped[int] = mapped_column(Integer, default=0)
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    rating_count: Mapped[int] = mapped_column(Integer, default=0)
    #: ``[{"weekday": 0-6 (Monday 0), "start": "09:00", "end": "13:00"}]`` in ``time_zone``
    weekly_plan: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: ``[{"date": "2030-04-01", "windows": [{"start", "end"}]}]``; no windows = day off
    exceptions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    buffer_minutes: Mapped[int] = mapped_column(Integer, default=0)
    min_notice_minutes: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Offering(Base):
    """What an expert offers: individual (1 seat) or group session, price and policy."""

    __tablename__ = "mentoring_offering"
    __table_args__ = (
        CheckConstraint("seats > 0", name="seats_positive"),
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        CheckConstraint("cancel_fee_percent >= 0 AND cancel_fee_percent <= 100",
                        name="fee_percent_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(
        ForeignKey("mentoring_expert.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(160))
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    seats: Mapped[int] = mapped_column(Integer, default=1)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    price: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    is_online: Mapped[bool] = mapped_column(Boolean, default=True)
    address: Mapped[str | None] = mapped_column(String(300), nullable=True)
    free_cancel_hours: Mapped[int] = mapped_column(Integer, default=24)
    cancel_fee_percent: Mapped[int] = mapped_column(Integer, default=0)


class Session(Base):
    """One dated occurrence of an offering; ``seats_taken`` never exceeds ``seats``.

    ``(expert_id, starts_at)`` is unique: an expert is never booked twice at one start.
    ``variant_id`` links a core bookable variant (paid sessions go through checkout).
    """

    __tablename__ = "mentoring_session"
    __table_args__ = (
        UniqueConstraint("expert_id", "starts_at"),
        CheckConstraint("seats_taken >= 0 AND seats_taken <= seats", name="seats_within"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offering_id: Mapped[int] = mapped_column(
        ForeignKey("mentoring_offering.id", ondelete="CASCADE"), index=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("mentoring_expert.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    seats: Mapped[int] = mapped_column(Integer)
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="SCHEDULED")
    variant_id: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True)


class Booking(Base):
    """One attendee's place (or waitlist place) in a session; ``sequence`` feeds the .ics."""

    __tablename__ = "mentoring_booking"
    __table_args__ = (
        UniqueConstraint("session_id", "user_id"),
        Index("ix_mentoring_booking_user", "user_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("mentoring_session.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(24))
    #: The attendee's language (es/pt/en) for their calendar file.
    language: Mapped[str] = mapped_column(String(8), default="EN")
    price: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    fee_charged: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal("0.00"))
    refund_amount: Mapped[Decimal] = mapped_column(ScaledDecimal(2), default=Decimal("0.00"))
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    order_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    voucher_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: When the 24-hour reminder was claimed (once per booking).
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Voucher(Base):
    """A session voucher granted once per ``ruta_course_completed`` event."""

    __tablename__ = "mentoring_voucher"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer, unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"), index=True)
    course_product_id: Mapped[int] = mapped_column(Integer)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    discount_percent: Mapped[int] = mapped_column(Integer, default=100)
    redeemed_booking_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
