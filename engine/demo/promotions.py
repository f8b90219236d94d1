"""The demo's promotions and its voucher code (printed by ``ruta serve --demo``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from engine.promotions.models import Promotion, Voucher
from engine.vendors.models import Vendor

#: The voucher code shown at start-up: 10 % off the Spanish vendor's lines, 100 uses.
DEMO_VOUCHER = "RUTA10"
DEMO_VOUCHER_NOTE = "10 % off Bodega y Dulces del Condado, 100 uses, 1 per customer"


def seed_promotions(session: AsyncSession, vendors: list[Vendor], today: datetime) -> None:
    """Two vendor promotions (one for 30 days, one open-ended) and the voucher."""
    es, pt = vendors[0], vendors[1]
    session.add_all([
        Promotion(vendor_id=es.id, name="Semana del Condado", kind="PERCENTAGE",
                  value=Decimal("15.00"), product_ids=[], category_ids=[],
                  starts_at=today - timedelta(days=1), ends_at=today + timedelta(days=30),
                  min_subtotal=Decimal("20.00"), is_active=True),
        Promotion(vendor_id=pt.id, name="Sabores de inverno", kind="FIXED",
                  value=Decimal("1.00"), product_ids=[], category_ids=[],
                  starts_at=today - timedelta(days=1), ends_at=None, is_active=True),
        Voucher(code=DEMO_VOUCHER, vendor_id=es.id, value=Decimal("10.00"), usage_limit=100,
                used=0, per_customer_limit=1, starts_at=today - timedelta(days=1),
                is_active=True),
    ])
    es.has_promotions = pt.has_promotions = True
