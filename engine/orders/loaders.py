"""Per-request DataLoaders for orders (one statement per batch)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from engine.bookings.models import Booking
from engine.orders.models import OrderLine, VendorOrder
from engine.runtime import Runtime

T = TypeVar("T")


def _grouped(runtime: Runtime, model: Any, key: Any) -> DataLoader[int, list[Any]]:
    async def load(ids: Sequence[int]) -> list[list[Any]]:
        grouped: dict[int, list[Any]] = defaultdict(list)
        async with runtime.db.read() as session:
            for row in await session.scalars(select(model).where(key.in_(ids))
                                             .order_by(model.id)):
                grouped[getattr(row, key.key)].append(row)
        return [grouped.get(i, []) for i in ids]

    return DataLoader(load_fn=load)


def vendor_orders_by_order(runtime: Runtime) -> DataLoader[int, list[VendorOrder]]:
    return _grouped(runtime, VendorOrder, VendorOrder.order_id)


def lines_by_vendor_order(runtime: Runtime) -> DataLoader[int, list[OrderLine]]:
    return _grouped(runtime, OrderLine, OrderLine.vendor_order_id)


def bookings_by_line(runtime: Runtime) -> DataLoader[int, list[Booking]]:
    return _grouped(runtime, Booking, Booking.order_line_id)
