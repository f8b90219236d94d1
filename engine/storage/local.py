"""Files in a local directory (the default: one machine, any number of workers)."""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from starlette.responses import FileResponse, Response

from engine.storage.base import safe_key


class LocalStorage:
    def __init__(self, root: str) -> None:
        self.root = Path(root).resolve()

    def _path(self, key: str) -> Path | None:
        if not safe_key(key):
            return None
        path = (self.root / key).resolve()
        return path if path.is_relative_to(self.root) else None

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)  # readers never see half a file

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        path = self._path(key)
        if path is None:
            raise ValueError(f"unsafe storage key {key!r}")
        await asyncio.to_thread(self._write, path, data)

    async def get(self, key: str) -> bytes | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        return await asyncio.to_thread(path.read_bytes)

    async def exists(self, key: str) -> bool:
        path = self._path(key)
        return path is not None and path.is_file()

    async def delete(self, key: str) -> None:
        path = self._path(key)
        if path is not None:
            path.unlink(missing_ok=True)

    async def serve(self, key: str, *, filename: str | None, content_type: str | None,
                    cache_control: str, ttl: int) -> Response | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        return FileResponse(path, filename=filename, media_type=content_type,
                            headers={"Cache-Control": cache_control})
