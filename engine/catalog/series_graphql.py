"""GraphQL for ``productSlotSeriesCreate``: many bookable slots of a product at once."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from engine.api.context import Info
from engine.api.errors import attempt, payload_errors
from engine.api.ids import decode_id
from engine.catalog.models import Product
from engine.catalog.mutations import ProductError, ProductErrorCode
from engine.catalog.slot_series import SeriesData, create_series
from engine.catalog.types import ProductType, ProductVariantType


@strawberry.input(description="Slots every ``everyDays`` days at the local time of "
                              "``startsAt`` in ``timeZone``.")
class SlotSeriesInput:
    product_id: strawberry.ID
    sku_prefix: str
    price: Decimal
    starts_at: datetime
    duration_minutes: int
    count: int
    capacity: int
    every_days: int = 7
    time_zone: str = "Europe/Madrid"
    name: str | None = None


@strawberry.type
class SlotSeriesPayload:
    variants: list[ProductVariantType] = strawberry.field(default_factory=list)
    errors: list[ProductError] = strawberry.field(default_factory=list)


@strawberry.type
class SlotSeriesMutation:
    @strawberry.mutation(description="Add a series of bookable slots to one of your products "
                                     "(all or none; at most 100).")
    async def product_slot_series_create(self, info: Info, input: SlotSeriesInput
                                         ) -> SlotSeriesPayload:
        user = await info.context.user()
        created, exc = await attempt(lambda: create_series(info.context.runtime, user, SeriesData(
            product_id=decode_id(input.product_id, "Product"), sku_prefix=input.sku_prefix,
            price=input.price, starts_at=input.starts_at,
            duration_minutes=input.duration_minutes, count=input.count,
            every_days=input.every_days, capacity=input.capacity, time_zone=input.time_zone,
            name=input.name)))
        if exc is not None or not created:
            return SlotSeriesPayload(errors=payload_errors(exc, ProductError, ProductErrorCode)
                                     if exc else [])
        async with info.context.runtime.db.read() as session:
            product = await session.get(Product, created[0].product_id)
        assert product is not None
        parent = ProductType.of(product, product.name, product.description, None)
        return SlotSeriesPayload(variants=[ProductVariantType.of(v, parent) for v in created])
