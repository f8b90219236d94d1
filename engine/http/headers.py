"""Security headers on every response (pure ASGI middleware).

- ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer`` everywhere;
- ``X-Frame-Options: DENY`` and ``Content-Security-Policy: frame-ancestors 'none'`` on every
  response except the GraphiQL page; non-HTML responses (JSON, files) also get
  ``default-src 'none'`` (nothing in them may load or run anything);
- ``Cache-Control: no-store`` on every response to a request that carries credentials (an
  ``Authorization`` header or any cookie, since a cookie may be a session), replacing any
  other caching directive: a personal answer must not be kept by a shared cache or browser.

Headers an endpoint set itself (a plugin page's own CSP, say) are kept, except
``Cache-Control`` on credentialed requests.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine.http.errors import GRAPHQL_PATH

ALWAYS = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"))
FRAME_ANCESTORS = "frame-ancestors 'none'"
NOTHING_ACTIVE = "default-src 'none'; frame-ancestors 'none'"


def _is_graphiql(path: str, content_type: str) -> bool:
    return path.rstrip("/") == GRAPHQL_PATH and content_type.startswith("text/html")


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Headers(scope=scope)
        credentialed = "authorization" in request or "cookie" in request
        path: str = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in ALWAYS:
                    headers.setdefault(name, value)
                content_type = headers.get("content-type", "")
                if not _is_graphiql(path, content_type):
                    headers.setdefault("X-Frame-Options", "DENY")
                    html = content_type.startswith("text/html")
                    headers.setdefault("Content-Security-Policy",
                                       FRAME_ANCESTORS if html else NOTHING_ACTIVE)
                if credentialed:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)
