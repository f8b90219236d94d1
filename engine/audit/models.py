"""One row per audited mutation field."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base
from engine.db.types import UTCDateTime, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_actor", "actor_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_user.id", ondelete="SET NULL"), nullable=True)
    #: OPERATOR or VENDOR_OWNER (what made the action audited)
    role: Mapped[str] = mapped_column(String(16))
    #: The mutation, e.g. ``vendorApprove``
    action: Mapped[str] = mapped_column(String(100), index=True)
    #: The IDs the mutation was given (``{"id": "VmVuZG9yOjE="}``); never other input
    targets: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: OK, or REFUSED (payload errors or a GraphQL error)
    outcome: Mapped[str] = mapped_column(String(8))
    address: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
