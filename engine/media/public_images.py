"""Public images for plugins (e.g. a partner organisation's logo): the same checks as a
product picture — size limit, then the bytes sniffed (``sniff``) — stored
content-addressed under a known folder of the public store and served by ``/media``."""

from __future__ import annotations

import asyncio
import hashlib

from strawberry.file_uploads import Upload

from engine.media.graphql import read_upload
from engine.media.service import check_size
from engine.media.sniff import sniff_image
from engine.runtime import Runtime

#: Folders of the public store plugins may write images to (served by ``/media``).
FOLDERS = ("logos",)


async def store_public_image(runtime: Runtime, folder: str, file: Upload) -> str:
    """Check and store an uploaded image (GraphQL multipart ``Upload``) under ``folder``;
    return its public URL. Refuses a file over ``max_upload_bytes`` (``FILE_TOO_LARGE``),
    one that is not a JPEG/PNG/WebP/AVIF picture (``UNSUPPORTED_FILE_TYPE``) or one with
    too many pixels (``IMAGE_TOO_LARGE``), all on field ``file``."""
    if folder not in FOLDERS:
        raise ValueError(f"unknown public image folder {folder!r}")
    data = await read_upload(file, runtime.settings.storage.max_upload_bytes)
    check_size(runtime, data)
    sniffed = await asyncio.to_thread(sniff_image, data, runtime.settings.storage.max_pixels)
    key = f"{folder}/{hashlib.sha256(data).hexdigest()}.{sniffed.extension}"
    await runtime.stores.public.put(key, data, sniffed.content_type)
    return f"{runtime.settings.public_url.rstrip('/')}/media/{key}"
