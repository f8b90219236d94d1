"""Database unavailability outside GraphQL: 503 with a retryable code, one log line.

An endpoint (webhooks, downloads, plugin pages) that hits a database which is down, locked
or too slow would otherwise answer 500 with a traceback in the log. This pure ASGI
middleware answers ``503`` with ``{"error", "code": "SERVICE_UNAVAILABLE"}`` and
``Retry-After``, and logs one line. Any other exception passes through unchanged.
(``/graphql`` handles the same failures per field: ``engine.api.unavailable``.)
"""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine.db.unavailable import MESSAGE, describe, is_unavailable
from engine.http.errors import send_error

log = logging.getLogger("engine.unavailable")
RETRY_AFTER = b"5"


class UnavailableMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started or not is_unavailable(exc):
                raise
            log.warning("database unavailable on %s %s: %s", scope["method"], scope["path"],
                        describe(exc))
            await send_error(send, scope["path"], 503, "SERVICE_UNAVAILABLE", MESSAGE,
                             headers=((b"retry-after", RETRY_AFTER),))
