"""Rating aggregates per product and per vendor: one GROUP BY per batch (no N+1), over the
visible reviews only, so hiding a review takes it out at once."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select
from strawberry.dataloader import DataLoader

from engine.reviews.models import Review
from engine.runtime import Runtime

#: (average rating rounded to one decimal, or None; number of visible reviews)
Aggregate = tuple[Decimal | None, int]


def _aggregates(runtime: Runtime, column: Any, target: str
                ) -> DataLoader[int, Aggregate]:
    async def load(ids: Sequence[int]) -> list[Aggregate]:
        async with runtime.db.read() as session:
            rows = (await session.execute(
                select(column, func.sum(Review.rating), func.count())
                .where(column.in_(ids), Review.target == target, Review.is_hidden.is_(False))
                .group_by(column))).all()
        found = {row[0]: (Decimal(int(row[1])) / int(row[2]), int(row[2])) for row in rows}
        return [(found[pk][0].quantize(Decimal("0.1"), ROUND_HALF_UP), found[pk][1])
                if pk in found else (None, 0) for pk in ids]

    return DataLoader(load_fn=load)


def product_ratings(runtime: Runtime) -> DataLoader[int, Aggregate]:
    return _aggregates(runtime, Review.product_id, "PRODUCT")


def vendor_ratings(runtime: Runtime) -> DataLoader[int, Aggregate]:
    return _aggregates(runtime, Review.vendor_id, "VENDOR")
