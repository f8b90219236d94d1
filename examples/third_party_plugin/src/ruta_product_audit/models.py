"""The plugin's table, declared on Ruta's shared ``engine.db.Base``.

The table and constraint names follow the naming convention of ``Base.metadata``; the
revision in ``migrations/`` creates exactly this (a test compares the two).
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

from sqlalchemy import CheckConstraint, DateTime, Dialect, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from engine.db import Base


class AuditEvent(enum.StrEnum):
    """What happened to the product (stored as this text)."""

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    DELETED = "DELETED"


class UTCDateTime(TypeDecorator[datetime]):
    """Naive UTC in the database, aware UTC in Python, on SQLite and PostgreSQL alike."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class ProductAuditEntry(Base):
    """One change of one product, recorded after the change was committed.

    ``product_id`` and ``vendor_id`` are plain integers, not foreign keys: the trail outlives
    the product (``DELETED`` is recorded after the product row is gone).
    """

    __tablename__ = "product_audit_entry"
    __table_args__ = (
        # the trail of one product, in order: ``Product.auditTrail``
        Index("ix_product_audit_entry_product_trail", "product_id", "id"),
        CheckConstraint("event IN ('CREATED', 'UPDATED', 'DELETED')", name="event"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(Integer)
    vendor_id: Mapped[int] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
