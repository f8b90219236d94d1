"""One row per price a variant has had: from ``changed_at`` until the next row.

Written by a session event (``engine.price_history.recording``) on every flush that creates
a variant or changes its price, whatever code path does it; read to show the lowest price
of the previous 30 days beside a reduced price (Directive 98/6/EC art. 6a, as inserted by
Directive (EU) 2019/2161, the "Omnibus" Directive).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base
from engine.db.types import ScaledDecimal, UTCDateTime


class PriceHistory(Base):
    __tablename__ = "catalog_price_history"
    __table_args__ = (Index("ix_catalog_price_history_variant", "variant_id", "changed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(
        ForeignKey("catalog_variant.id", ondelete="CASCADE"))
    price: Mapped[Decimal] = mapped_column(ScaledDecimal(2))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
