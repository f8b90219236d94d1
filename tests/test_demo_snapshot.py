"""The ``demo`` fixture seeds once per session and copies the rows back for later tests:
the copy must be the same marketplace, with the same pictures on disk."""

from __future__ import annotations

from sqlalchemy import func, select

from engine.db.base import Base
from engine.media.models import ProductMedia
from engine.runtime import Runtime
from engine.testing.database import MEDIA_DIR, empty_database, existing_tables
from engine.testing.demo_snapshot import seed_demo


async def _counts(runtime: Runtime) -> dict[str, int]:
    async with runtime.db.read() as session:
        names = await existing_tables(session)
        return {table.name: await session.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
                if table.name in names and table.name != "cache_version"}


async def test_a_restored_demo_has_every_row_and_picture_of_the_seeded_one(
        runtime: Runtime, ruta_clean: None) -> None:
    await seed_demo(runtime)
    seeded = await _counts(runtime)
    assert seeded["catalog_product"] >= 12 and seeded["account_user"] >= 5
    async with runtime.db.read() as session:
        key = await session.scalar(select(ProductMedia.key).limit(1))
    assert key is not None
    picture = MEDIA_DIR / "public" / key
    picture.unlink()  # a test before deleted a demo picture
    await empty_database(runtime)
    assert sum((await _counts(runtime)).values()) == 0
    await seed_demo(runtime)
    assert await _counts(runtime) == seeded
    assert picture.is_file()
