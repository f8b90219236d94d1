"""Mentorships (request -> accept/decline), private notes, goals, feedback, and funding
requests with their advisors and status history."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugins.api import Base, ScaledDecimal, UTCDateTime, utcnow

USER_FK = "account_user.id"
EXPERT_FK = "mentoring_expert.id"


class Mentorship(Base):
    __tablename__ = "mentoring_mentorship"
    __table_args__ = (UniqueConstraint("expert_id", "mentee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey(EXPERT_FK, ondelete="CASCADE"))
    mentee_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text, default="")
    #: The mentee lets this mentor see their course progress (``ruta_progress_shared_with``).
    share_progress: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SessionNote(Base):
    """Private to the mentorship's pair."""

    __tablename__ = "mentoring_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentoring_mentorship.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Goal(Base):
    __tablename__ = "mentoring_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentoring_mentorship.id", ondelete="CASCADE"), index=True)
    milestone: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    achieved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Feedback(Base):
    """One rating (1-5) per booking, after the session."""

    __tablename__ = "mentoring_feedback"
    __table_args__ = (CheckConstraint("rating >= 1 AND rating <= 5", name="rating_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        ForeignKey("mentoring_booking.id", ondelete="CASCADE"), unique=True)
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class FundingRequest(Base):
    __tablename__ = "mentoring_funding_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey(USER_FK, ondelete="CASCADE"),
                                              index=True)
    project: Mapped[str] = mapped_column(String(200))
    amount_sought: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    stage: Mapped[str] = mapped_column(String(16))
    documents: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(24))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FundingAssignment(Base):
    __tablename__ = "mentoring_funding_assignment"
    __table_args__ = (UniqueConstraint("request_id", "expert_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("mentoring_funding_request.id", ondelete="CASCADE"))
    expert_id: Mapped[int] = mapped_column(ForeignKey(EXPERT_FK, ondelete="CASCADE"),
                                           index=True)


class FundingEvent(Base):
    """One status change of a funding request (the history)."""

    __tablename__ = "mentoring_funding_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("mentoring_funding_request.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(24))
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
