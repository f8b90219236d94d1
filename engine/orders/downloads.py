"""Time-limited signed links to a paid digital line's file.

A link is a JWT (HS256, audience ``ruta-download``) naming the order line, valid for
``LINK_TTL``; only the buyer is ever shown one (see ``OrderLine.downloadUrl``). The
``/downloads/{token}`` endpoint checks the signature, the expiry and that the order is
still paid, then serves the file from private storage (only a key under the selling vendor's
own prefix, see ``engine.catalog.file_keys``): streamed from a local directory, or a
redirect to an S3 presigned URL valid ``PRESIGNED_TTL`` seconds (never a permanent public
URL). An external https asset is redirected to as it is: it is *not protected*.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from mimetypes import guess_type

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from engine.catalog.file_keys import belongs_to
from engine.db.types import utcnow
from engine.orders.models import Order, OrderLine
from engine.runtime import Runtime
from engine.settings import Settings

LINK_TTL = timedelta(minutes=15)
PRESIGNED_TTL = 60
AUDIENCE = "ruta-download"
PAID = ("PAID", "FULFILLED", "COMPLETED", "PARTIALLY_REFUNDED")


def sign(settings: Settings, line_id: int) -> str:
    import jwt

    now = utcnow()
    return jwt.encode({"line": line_id, "aud": AUDIENCE, "iat": int(now.timestamp()),
                       "exp": int((now + LINK_TTL).timestamp())},
                      settings.secret_key, algorithm="HS256")


def verify(settings: Settings, token: str) -> int | None:
    import jwt

    try:
        data = jwt.decode(token, settings.secret_key, algorithms=["HS256"], audience=AUDIENCE,
                          options={"require": ["exp", "aud", "line"]})
        return int(data["line"])
    except (jwt.PyJWTError, KeyError, TypeError, ValueError):
        return None


def endpoint(runtime: Runtime) -> Callable[[Request], Awaitable[Response]]:
    async def download(request: Request) -> Response:
        line_id = verify(runtime.settings, request.path_params["token"])
        if line_id is None:
            return JSONResponse({"error": "This link is invalid or has expired."}, 403)
        async with runtime.db.read() as session:
            line = await session.get(OrderLine, line_id)
            order = await session.get(Order, line.order_id) if line else None
        if line is None or order is None or order.status not in PAID or not line.digital_asset:
            return JSONResponse({"error": "Nothing to download here."}, 404)
        if line.digital_asset.startswith("https://"):
            return RedirectResponse(line.digital_asset, 303)
        asset = line.digital_asset
        served = None
        if belongs_to(line.vendor_id, asset):
            served = await runtime.stores.private.serve(
                asset, filename=asset.rsplit("/", 1)[-1], content_type=guess_type(asset)[0],
                cache_control="private, no-store", ttl=PRESIGNED_TTL)
        if served is None:
            return JSONResponse({"error": "The file is missing; contact the vendor."}, 404)
        return served

    return download
