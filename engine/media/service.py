"""Picture operations for a product's vendor staff: upload, update, reorder, delete.

An upload is checked before anything is written: its size, then its bytes (``sniff``). The
file is stored content-addressed (``products/<sha256>.<ext>``) before the row is committed;
thumbnails are made after commit (``ruta_product_media_uploaded``, see ``thumbnails``).
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.catalog.service import owned_product
from engine.errors import Collector, NotFound, ValidationError
from engine.events.outbox import record
from engine.input_rules import clean_text
from engine.media.files import files_of, remove_unused
from engine.media.models import ProductMedia
from engine.media.sniff import sniff_image
from engine.runtime import Runtime

ALT_MAX = 250


@dataclass
class MediaText:
    alt: str | None = None
    translations: dict[str, str] = field(default_factory=dict)


def check_size(runtime: Runtime, data: bytes) -> None:
    limit = runtime.settings.storage.max_upload_bytes
    if len(data) > limit:
        raise ValidationError("file", "FILE_TOO_LARGE",
                              f"Files may be at most {limit:,} bytes.")


def _clean_text(text: MediaText) -> tuple[str | None, dict[str, str]]:
    errors = Collector()
    alt = clean_text(errors, "alt", text.alt, max_length=ALT_MAX, required=False) \
        if text.alt is not None else None
    translations = {lang: clean_text(errors, f"translations.{lang}", value,
                                     max_length=ALT_MAX, required=False) or ""
                    for lang, value in text.translations.items()}
    errors.raise_if_any()
    return alt, translations


async def create_media(runtime: Runtime, user: User | None, product_id: int, data: bytes,
                       text: MediaText) -> ProductMedia:
    alt, translations = _clean_text(text)
    async with runtime.db.read() as session:  # refuse strangers before reading pixels
        await owned_product(session, user, product_id)
    check_size(runtime, data)
    sniffed = await asyncio.to_thread(sniff_image, data, runtime.settings.storage.max_pixels)
    digest = hashlib.sha256(data).hexdigest()
    key = f"products/{digest}.{sniffed.extension}"
    await runtime.stores.public.put(key, data, sniffed.content_type)
    try:
        async with runtime.transaction() as session:
            product = await owned_product(session, user, product_id, lock=True)
            last = await session.scalar(select(func.max(ProductMedia.position)).where(
                ProductMedia.product_id == product.id))
            media = ProductMedia(product_id=product.id, vendor_id=product.vendor_id,
                                 digest=digest, key=key, content_type=sniffed.content_type,
                                 width=sniffed.width, height=sniffed.height, alt=alt or "",
                                 alt_translations=translations, thumbnails={},
                                 position=(last if last is not None else -1) + 1)
            session.add(media)
            await session.flush()
            await record(session, runtime.plugins, "ruta_product_media_uploaded",
                         media_id=media.id, product_id=product.id, vendor_id=product.vendor_id)
    except BaseException:
        await remove_unused(runtime, {digest: {key}})
        raise
    return media


async def _owned_media(runtime: Runtime, session: AsyncSession, user: User | None,
                       media_id: int) -> ProductMedia:
    media = await session.get(ProductMedia, media_id, with_for_update=True)
    if media is None:
        raise NotFound("id", "Picture not found.")
    await owned_product(session, user, media.product_id)
    return media


async def update_media(runtime: Runtime, user: User | None, media_id: int,
                       text: MediaText) -> ProductMedia:
    alt, translations = _clean_text(text)
    async with runtime.transaction() as session:
        media = await _owned_media(runtime, session, user, media_id)
        if alt is not None:
            media.alt = alt
        if text.translations:
            media.alt_translations = {**media.alt_translations, **translations}
    return media


async def reorder_media(runtime: Runtime, user: User | None, product_id: int,
                        media_ids: list[int]) -> list[ProductMedia]:
    async with runtime.transaction() as session:
        product = await owned_product(session, user, product_id, lock=True)
        rows = list((await session.scalars(select(ProductMedia).where(
            ProductMedia.product_id == product.id))).all())
        if sorted(media_ids) != sorted(m.id for m in rows):
            raise ValidationError("mediaIds", "INVALID",
                                  "List every picture of the product exactly once.")
        position = {pk: index for index, pk in enumerate(media_ids)}
        for media in rows:
            media.position = position[media.id]
    return sorted(rows, key=lambda m: m.position)


async def delete_media(runtime: Runtime, user: User | None, media_id: int) -> ProductMedia:
    async with runtime.transaction() as session:
        media = await _owned_media(runtime, session, user, media_id)
        await session.delete(media)
    await remove_unused(runtime, files_of([media]))
    return media
