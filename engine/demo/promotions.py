"""The demo's promotions and its voucher codes (printed by ``ruta serve --demo``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from engine.promotions.models import Promotion, Voucher
from engine.vendors.models import Vendor

#: The voucher code shown at start-up: 10 % off the Spanish vendor's lines, 100 uses.
DEMO_VOUCHER = "RUTA10"
DEMO_VOUCHER_NOTE = "10 % off Bodega y Dulces del Condado, 100 uses, 1 per customer"
#: The platform-funded one: the platform pays 5.00 EUR of any order (the vendors are paid,
#: taxed and charged commission on the full price; a PLATFORM_FUNDING ledger entry).
DEMO_PLATFORM_VOUCHER = "RUTA5"
DEMO_PLATFORM_VOUCHER_NOTE = ("5.00 EUR off any order, paid by the platform (vendors are "
                              "paid in full), 200 uses, 1 per customer")
#: (code, note) of every demo voucher, as the start-up banner lists them.
DEMO_VOUCHERS = ((DEMO_VOUCHER, DEMO_VOUCHER_NOTE),
                 (DEMO_PLATFORM_VOUCHER, DEMO_PLATFORM_VOUCHER_NOTE))


def seed_promotions(session: AsyncSession, vendors: list[Vendor], today: datetime) -> None:
    """Two vendor promotions (one for 30 days, one open-ended), the vendor-funded voucher
    and the platform-funded one (no vendor)."""
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
        Voucher(code=DEMO_PLATFORM_VOUCHER, vendor_id=None, kind="FIXED",
                value=Decimal("5.00"), usage_limit=200, used=0, per_customer_limit=1,
                starts_at=today - timedelta(days=1), is_active=True),
    ])
    es.has_promotions = pt.has_promotions = True
