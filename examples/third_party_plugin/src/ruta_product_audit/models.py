"""The plugin's table, declared on Ruta's shared ``engine.db.Base``.

The table and constraint names follow the naming convention of ``Base.metadata``; the
revision in ``migrations/`` creates exactly this (a test compares the two).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from engine.plugins.api import Base, UTCDateTime, utcnow


class AuditEvent(enum.StrEnum):
    """What happened to the product (stored as this text)."""

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    DELETED = "DELETED"


class ProductAuditEntry(Base):
    """One change of one product, recorded after the change was committed (once per event).

    ``product_id`` and ``vendor_id`` are plain integers, not foreign keys: the trail outlives
    the product (``DELETED`` is recorded after the product row is gone).
    """

    __tablename__ = "product_audit_entry"
    __table_args__ = (
        # the trail of one product, in order: ``Product.auditTrail``
        Index("ix_product_audit_entry_product_trail", "product_id", "id"),
        # one entry per outbox event: a redelivered event is recognised and skipped
        Index("ix_product_audit_entry_event_id", "event_id", unique=True),
        CheckConstraint("event IN ('CREATED', 'UPDATED', 'DELETED')", name="event"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(Integer)
    vendor_id: Mapped[int] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(String(16))
    #: Ruta's ``event_id`` (the same on every redelivery); NULL for entries older than 0.2
    event_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
