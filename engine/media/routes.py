"""``GET /media/{key}``: public pictures, content-addressed, cached for a year."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from engine.runtime import Runtime
from engine.storage.base import safe_key

IMMUTABLE = "public, max-age=31536000, immutable"
TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "avif": "image/avif"}


def endpoint(runtime: Runtime) -> Callable[[Request], Awaitable[Response]]:
    async def serve(request: Request) -> Response:
        key: str = request.path_params["key"]
        content_type = TYPES.get(key.rsplit(".", 1)[-1])
        data = await runtime.stores.public.get(key) if safe_key(key) and content_type \
            and key.startswith(("products/", "thumbs/", "logos/")) else None
        if data is None:
            return JSONResponse({"error": "Not found."}, 404)
        return Response(data, media_type=content_type,
                        headers={"Cache-Control": IMMUTABLE, "X-Content-Type-Options": "nosniff"})

    return serve
