"""Per-request DataLoaders for the catalog (one statement per batch)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from engine.catalog.listing import category_select
from engine.catalog.models import Category, ProductTranslation, ProductVariant
from engine.runtime import Runtime

CategoryKey = tuple[int, str | None]


def categories_by_id(runtime: Runtime) -> DataLoader[CategoryKey, Any]:
    async def load(keys: Sequence[CategoryKey]) -> list[Any]:
        found: dict[CategoryKey, Any] = {}
        async with runtime.db.read() as session:
            for language in {lang for _, lang in keys}:
                ids = [pk for pk, lang in keys if lang == language]
                rows = await session.execute(category_select(language).where(Category.id.in_(ids)))
                for row in rows:
                    found[(row[0].id, language)] = row
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def variants_by_product(runtime: Runtime) -> DataLoader[int, list[ProductVariant]]:
    async def load(product_ids: Sequence[int]) -> list[list[ProductVariant]]:
        grouped: dict[int, list[ProductVariant]] = defaultdict(list)
        async with runtime.db.read() as session:
            rows = await session.scalars(
                select(ProductVariant).where(ProductVariant.product_id.in_(product_ids))
                .order_by(ProductVariant.id))
            for variant in rows:
                grouped[variant.product_id].append(variant)
        return [grouped.get(pk, []) for pk in product_ids]

    return DataLoader(load_fn=load)


def categories_by_parent(runtime: Runtime) -> DataLoader[CategoryKey, list[Any]]:
    async def load(keys: Sequence[CategoryKey]) -> list[list[Any]]:
        grouped: dict[CategoryKey, list[Any]] = defaultdict(list)
        async with runtime.db.read() as session:
            for language in {lang for _, lang in keys}:
                ids = [pk for pk, lang in keys if lang == language]
                rows = await session.execute(
                    category_select(language).where(Category.parent_id.in_(ids))
                    .order_by(Category.position, Category.id))
                for row in rows:
                    grouped[(row[0].parent_id, language)].append(row)
        return [grouped.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


def translations_by_product(runtime: Runtime) -> DataLoader[int, list[ProductTranslation]]:
    async def load(product_ids: Sequence[int]) -> list[list[ProductTranslation]]:
        grouped: dict[int, list[ProductTranslation]] = defaultdict(list)
        async with runtime.db.read() as session:
            rows = await session.scalars(
                select(ProductTranslation).where(ProductTranslation.product_id.in_(product_ids))
                .order_by(ProductTranslation.language_code))
            for row in rows:
                grouped[row.product_id].append(row)
        return [grouped.get(pk, []) for pk in product_ids]

    return DataLoader(load_fn=load)
