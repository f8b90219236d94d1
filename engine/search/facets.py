"""Facet counts of a filtered listing: how many of its products are in each category, of
each kind and from each vendor (one GROUP BY each over the same filtered ids)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.catalog.models import Product


@dataclass(frozen=True)
class FacetCounts:
    categories: list[tuple[int, int]]
    kinds: list[tuple[str, int]]
    vendors: list[tuple[int, int]]


async def facet_counts(session: AsyncSession, ids: Select[Any]) -> FacetCounts:
    """``ids`` selects the listing's product ids (filters and visibility applied)."""
    matching = ids.subquery("matching")

    async def count_by(column: Any) -> list[tuple[Any, int]]:
        query = select(column, func.count()).where(Product.id.in_(select(matching.c.id))) \
            .where(column.is_not(None)).group_by(column).order_by(func.count().desc(), column)
        return [(row[0], int(row[1])) for row in (await session.execute(query)).all()]

    return FacetCounts(categories=await count_by(Product.category_id),
                       kinds=await count_by(Product.kind),
                       vendors=await count_by(Product.vendor_id))
