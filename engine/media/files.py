"""Files of a product's pictures: which files some pictures use, and removing the files no
picture uses any more (after commit: a rolled-back delete keeps its files)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.media.models import ProductMedia
from engine.runtime import Runtime

#: digest -> every key made from it (the original and its thumbnails)
Files = dict[str, set[str]]


def files_of(rows: Iterable[ProductMedia]) -> Files:
    found: Files = {}
    for media in rows:
        found.setdefault(media.digest, set()).update({media.key, *media.thumbnails.values()})
    return found


async def product_files(session: AsyncSession, product_id: int) -> Files:
    return files_of((await session.scalars(select(ProductMedia).where(
        ProductMedia.product_id == product_id))).all())


async def remove_unused(runtime: Runtime, files: Files) -> None:
    """Delete from public storage the files of digests no remaining picture uses."""
    if not files:
        return
    async with runtime.db.read() as session:
        in_use = set((await session.scalars(select(ProductMedia.digest).where(
            ProductMedia.digest.in_(list(files))))).all())
    for digest, keys in files.items():
        if digest not in in_use:
            for key in keys:
                await runtime.stores.public.delete(key)
