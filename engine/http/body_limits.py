"""Request body limits, enforced before and while a body is read (pure ASGI middleware).

Which limit applies depends on the request: webhooks (whose signature can only be checked
after the whole body is read) get the small one, multipart uploads to ``/graphql`` the large
one (and to the web pages that take uploads, declared with ``WebKit.accept_uploads``),
everything else the default. A declared ``Content-Length`` above the limit is refused
before a byte is read; a body without one (chunked) is counted as it streams and refused at
the chunk that crosses the limit, so the app never holds more than the limit plus one chunk.
Either way the client gets 413 with a JSON error (code ``PAYLOAD_TOO_LARGE``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine.http.errors import GRAPHQL_PATH, send_error
from engine.settings import Settings

WEBHOOK_PREFIX = "/webhooks/"


class BodyTooLarge(Exception):
    """Raised from ``receive`` when the body being read crosses its limit."""


@dataclass(frozen=True)
class BodyLimits:
    default: int
    upload: int
    webhook: int
    #: Web pages (full paths) whose multipart posts may be as large as ``/graphql`` uploads.
    upload_pages: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings,
                      upload_pages: Sequence[re.Pattern[str]] = ()) -> BodyLimits:
        return cls(default=settings.max_body_bytes, upload=settings.max_upload_bytes,
                   webhook=settings.max_webhook_bytes, upload_pages=tuple(upload_pages))

    def for_request(self, path: str, content_type: str) -> int:
        if path.startswith(WEBHOOK_PREFIX):
            return self.webhook
        if content_type.lower().startswith("multipart/form-data") and (
                path.rstrip("/") == GRAPHQL_PATH
                or any(page.fullmatch(path) for page in self.upload_pages)):
            return self.upload
        return self.default


async def _refuse(send: Send, path: str, limit: int) -> None:
    await send_error(send, path, 413, "PAYLOAD_TOO_LARGE",
                     f"The request body is larger than {limit} bytes.",
                     headers=((b"connection", b"close"),), limit=limit)


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        headers = Headers(scope=scope)
        limit = self.limits.for_request(path, headers.get("content-type", ""))
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await send_error(send, path, 400, "BAD_REQUEST", "Invalid Content-Length.")
                return
            if int(declared) > limit:
                await _refuse(send, path, limit)
                return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await _refuse(send, path, limit)
