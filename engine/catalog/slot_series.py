"""A series of bookable slots in one go: ``count`` variants, every ``every_days`` days at
the same local wall-clock time (DST-correct in ``time_zone``), each with ``capacity`` seats.
All or none: one transaction, the same checks as ``productVariantCreate`` for each slot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from engine.accounts.models import User
from engine.catalog.models import ProductVariant
from engine.catalog.service import owned_product
from engine.catalog.variants import VariantData, insert_variant
from engine.errors import Collector
from engine.runtime import Runtime

MAX_SLOTS = 100


@dataclass
class SeriesData:
    product_id: int
    sku_prefix: str
    price: Decimal
    starts_at: datetime
    duration_minutes: int
    count: int
    every_days: int
    capacity: int
    time_zone: str = "Europe/Madrid"
    name: str | None = None


def occurrences(data: SeriesData) -> list[tuple[datetime, datetime]]:
    """Each slot's (start, end), keeping the first one's local time of day."""
    errors = Collector()
    if not 1 <= data.count <= MAX_SLOTS:
        errors.add("count", "INVALID", f"Create 1 to {MAX_SLOTS} slots at a time.")
    if not 1 <= data.every_days <= 365:
        errors.add("everyDays", "INVALID", "Repeat every 1 to 365 days.")
    if not 1 <= data.duration_minutes <= 24 * 60:
        errors.add("durationMinutes", "INVALID", "A slot lasts 1 minute to 24 hours.")
    if data.starts_at.tzinfo is None:
        errors.add("startsAt", "INVALID", "Include a time zone offset, e.g. Z.")
    try:
        zone = ZoneInfo(data.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        errors.add("timeZone", "INVALID", "Unknown time zone.")
    errors.raise_if_any()
    local = data.starts_at.astimezone(zone).replace(tzinfo=None)
    slots = []
    for n in range(data.count):
        start = (local + timedelta(days=n * data.every_days)).replace(tzinfo=zone)
        slots.append((start.astimezone(UTC),
                      (start + timedelta(minutes=data.duration_minutes)).astimezone(UTC)))
    return slots


async def create_series(runtime: Runtime, user: User | None,
                        data: SeriesData) -> list[ProductVariant]:
    slots = occurrences(data)
    created = []
    async with runtime.transaction() as session:
        product = await owned_product(session, user, data.product_id, lock=True)
        for start, end in slots:
            created.append(await insert_variant(runtime, session, product, VariantData(
                sku=f"{data.sku_prefix}-{start.strftime('%Y%m%d-%H%MZ')}", name=data.name,
                price=data.price, starts_at=start, ends_at=end, capacity=data.capacity)))
    return created
