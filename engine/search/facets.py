"""Facet counts of a filtered listing: how many of its products are in each category, of
each kind and from each vendor (one GROUP BY each over the same filtered ids).

A category counts the products in it and in every category below it, as the listing's
``categoryId`` filter selects them: a parent appears with its whole subtree's count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.catalog.models import Category, Product


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

    return FacetCounts(categories=await _by_category(session, matching),
                       kinds=await count_by(Product.kind),
                       vendors=await count_by(Product.vendor_id))


async def _by_category(session: AsyncSession, matching: Any) -> list[tuple[int, int]]:
    """Per category: the matching products in it or below it. A recursive CTE walks up
    from the categories the matching products are in (UNION: ends even on a cycle)."""
    inside = select(Product.category_id).where(Product.id.in_(select(matching.c.id)),
                                               Product.category_id.is_not(None)).distinct()
    start = inside.subquery("inside")
    above = select(start.c.category_id.label("leaf"),
                   start.c.category_id.label("category")).cte("above", recursive=True)
    above = above.union(select(above.c.leaf, Category.parent_id)
                        .join(Category, Category.id == above.c.category)
                        .where(Category.parent_id.is_not(None)))
    count = func.count(func.distinct(Product.id))
    query = (select(above.c.category, count)
             .join(Product, Product.category_id == above.c.leaf)
             .where(Product.id.in_(select(matching.c.id)))
             .group_by(above.c.category).order_by(count.desc(), above.c.category))
    return [(int(row[0]), int(row[1])) for row in (await session.execute(query)).all()]
