"""Programme events: sessions, registrations (confirmed or waitlisted), check-in lists and
check-ins. ``Event.confirmed`` is the seat counter: a conditional UPDATE keeps it within
``capacity`` under any concurrency."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugins.api import Base, UTCDateTime, utcnow
from plugins.programme.models import USER_FK


class Event(Base):
    __tablename__ = "programme_event"
    __table_args__ = (
        CheckConstraint("confirmed >= 0 AND confirmed <= capacity", name="seats_within"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("programme_partner.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(2000), default="")
    capacity: Mapped[int] = mapped_column(Integer)
    confirmed: Mapped[int] = mapped_column(Integer, default=0)
    #: ``[{"key": "language", "label": "...", "required": true}]``
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: the core bookable EVENT variant sold through checkout when registration is paid
    variant_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())


class EventSession(Base):
    """A dated part of an event: in person at an access point, or online."""

    __tablename__ = "programme_event_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("programme_event.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    access_point_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_access_point.id", ondelete="SET NULL"), nullable=True)
    online_url: Mapped[str | None] = mapped_column(String(500), nullable=True)


class Registration(Base):
    """One attendee. Status CONFIRMED (holds a seat and a ticket), WAITLISTED (in ``id``
    order) or CANCELLED (its ticket is revoked)."""

    __tablename__ = "programme_registration"
    __table_args__ = (Index("ix_programme_registration_queue", "event_id", "status", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("programme_event.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey(USER_FK, ondelete="SET NULL"), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(160))
    email: Mapped[str] = mapped_column(String(254))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: the core order line that paid for this seat (paid events; None when free)
    order_line_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)


class CheckinList(Base):
    """A list door devices scan against; ``allow_exit``: exits are recorded and a person
    who went out may come in again."""

    __tablename__ = "programme_checkin_list"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("programme_event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    allow_exit: Mapped[bool] = mapped_column(Boolean, default=False)


class Checkin(Base):
    """One scan, successful or refused; ``nonce`` (chosen by the device) makes a resent scan
    return the same answer without a second check-in."""

    __tablename__ = "programme_checkin"
    __table_args__ = (Index("ix_programme_checkin_trail", "list_id", "registration_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("programme_checkin_list.id", ondelete="CASCADE"))
    registration_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    direction: Mapped[str] = mapped_column(String(8))
    ok: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(String(24), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
