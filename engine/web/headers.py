"""Security headers for every web page and static file a plugin serves.

A strict Content-Security-Policy: scripts, styles, fonts and images only from this origin
(no inline script or style, no ``eval``), forms post only here, no framing
(``frame-ancestors 'none'``), no plugins, no ``<base>``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'; object-src 'none'")


def content_security_policy(extra: Mapping[str, Sequence[str]]) -> str:
    """:data:`CSP` with more sources for some directives, for the one page that needs them
    (``{"script-src": ["https://js.stripe.com"]}``); a directive :data:`CSP` lacks is added.
    Set it as the page's ``Content-Security-Policy`` header (a page's own header is kept)."""
    directives = [part.split(" ", 1) for part in CSP.split("; ")]
    names = [name for name, _ in directives]
    sources = {name: value.split(" ") for name, value in directives}
    for name, more in extra.items():
        if name not in sources:
            names.append(name)
            sources[name] = []
        elif sources[name] == ["'none'"]:
            sources[name] = []
        sources[name] += [source for source in more if source not in sources[name]]
    return "; ".join(f"{name} {' '.join(sources[name])}" for name in names)

#: No page may use the camera, microphone or location unless it says so itself (the
#: programme's door page lets its own origin use the camera to scan tickets).
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"


def permissions_policy(allow: Sequence[str]) -> str:
    """:data:`PERMISSIONS_POLICY` with ``allow`` (e.g. ``["camera"]``) granted to this
    origin only, for the one page that needs it (set it as the page's
    ``Permissions-Policy`` header)."""
    return ", ".join(f"{name}=(self)" if name in allow else f"{name}=()"
                     for name in ("camera", "microphone", "geolocation"))


SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": PERMISSIONS_POLICY,
}


class SecurityHeaders:
    """ASGI middleware setting :data:`SECURITY_HEADERS` (and ``Cache-Control: no-store``
    on HTML) unless a response already set them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("cache-control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)
