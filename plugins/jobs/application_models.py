"""Applications, their status history and the hires (the jobs figure)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugins.api import Base, UTCDateTime, utcnow


class Application(Base):
    __tablename__ = "jobs_application"
    __table_args__ = (UniqueConstraint("offer_id", "profile_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("jobs_offer.id", ondelete="CASCADE"),
                                          index=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("jobs_profile.id", ondelete="CASCADE"),
                                            index=True)
    vendor_id: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)
    partner_id: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)
    message: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(16), default="RECEIVED")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ApplicationChange(Base):
    """One status change of an application, with the message sent to the candidate."""

    __tablename__ = "jobs_application_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("jobs_application.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_status: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text, default="")
    by_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Hire(Base):
    """A job created through Ruta: one per hired application."""

    __tablename__ = "jobs_hire"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("jobs_application.id", ondelete="CASCADE"), unique=True)
    offer_id: Mapped[int] = mapped_column(Integer)
    vendor_id: Mapped[int] = mapped_column(Integer, index=True)
    candidate_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hired_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
