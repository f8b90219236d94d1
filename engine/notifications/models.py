"""Stored notifications (one per message type, event and recipient) and opt-outs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base
from engine.db.types import UTCDateTime, utcnow


class Notification(Base):
    """A message rendered for one recipient. ``(type, dedupe_key, recipient_key)`` is unique:
    an event delivered again, or by two workers at once, stores (and sends) nothing twice.

    ``email_status``: ``pending`` → ``sending`` → ``sent`` | ``mailbox`` (kept in the
    built-in mailbox, no SMTP configured) | ``failed`` (after ``RUTA_MAIL_MAX_ATTEMPTS``);
    ``none`` when the message has no e-mail address.
    """

    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("type", "dedupe_key", "recipient_key"),
        Index("ix_notification_email_due", "email_status", "next_attempt_at"),
        Index("ix_notification_user", "user_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(50))
    dedupe_key: Mapped[str] = mapped_column(String(200))
    recipient_key: Mapped[str] = mapped_column(String(300))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), nullable=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    language: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(500))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    #: ``[{"filename", "content_type", "data" (base64)}]``
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    transactional: Mapped[bool] = mapped_column(default=True)
    #: Shown by ``myNotifications`` (False: e-mail only, e.g. one-time links).
    in_inbox: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    email_status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)


class NotificationOptOut(Base):
    """A user who switched a (non-transactional) category off, on every channel."""

    __tablename__ = "notification_opt_out"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), primary_key=True)
    category: Mapped[str] = mapped_column(String(50), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
