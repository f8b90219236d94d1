"""WebP thumbnails at a few fixed widths, made after commit from the outbox.

Names are content-addressed (``thumbs/<sha256>-<width>.webp``): a file never changes, so it
is served with ``Cache-Control: public, max-age=31536000, immutable``.
"""

from __future__ import annotations

import asyncio
import io

from engine.media.models import ProductMedia
from engine.runtime import Runtime

WIDTHS = (200, 400, 800)


def render(data: bytes, width: int) -> bytes:
    from PIL import Image, ImageOps  # on first use, not at start-up

    with Image.open(io.BytesIO(data)) as image:
        picture = ImageOps.exif_transpose(image).convert("RGB")
        height = max(1, round(picture.height * width / picture.width))
        out = io.BytesIO()
        picture.resize((width, height), Image.Resampling.LANCZOS).save(out, "WEBP", quality=82)
        return out.getvalue()


async def make_thumbnails(runtime: Runtime, media_id: int) -> dict[str, str]:
    """Store the missing thumbnails of one picture and record their keys (idempotent)."""
    async with runtime.db.read() as session:
        media = await session.get(ProductMedia, media_id)
    if media is None:
        return {}
    original = await runtime.stores.public.get(media.key)
    if original is None:
        return {}
    made: dict[str, str] = {}
    for width in WIDTHS:
        if width >= media.width and made:
            break
        size = min(width, media.width)
        key = f"thumbs/{media.digest}-{size}.webp"
        if not await runtime.stores.public.exists(key):
            data = await asyncio.to_thread(render, original, size)
            await runtime.stores.public.put(key, data, "image/webp")
        made[str(width)] = key
    async with runtime.transaction() as session:
        row = await session.get(ProductMedia, media_id)
        if row is not None:
            row.thumbnails = made
    return made
