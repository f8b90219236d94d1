"""The storage interface: put, read, delete bytes by key, and a response that serves a key.

Keys are relative paths (``products/ab12...png``, ``vendors/7/...``) without ``..``.
``serve`` answers a download: the local backend streams the file, S3 redirects to a
presigned URL valid for ``ttl`` seconds (never a permanent public URL).
"""

from __future__ import annotations

from typing import Protocol

from starlette.responses import Response


class Storage(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes | None: ...

    async def exists(self, key: str) -> bool: ...

    async def delete(self, key: str) -> None: ...

    async def serve(self, key: str, *, filename: str | None, content_type: str | None,
                    cache_control: str, ttl: int) -> Response | None: ...


def safe_key(key: str) -> bool:
    parts = key.split("/")
    return bool(key) and not key.startswith(("/", "\\")) and ".." not in parts and \
        "" not in parts and "\\" not in key and "://" not in key
