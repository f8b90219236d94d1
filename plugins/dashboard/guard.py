"""Pages that need a signed-in user send anonymous visitors to the login page."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

from starlette.responses import Response

from engine.plugins.api import GraphQLResult, Visit

Handler = Callable[[Visit], Awaitable[Response]]
PREFIX = "/dashboard"


def to_login(visit: Visit) -> Response:
    visit.session.sign_out()
    return visit.redirect(f"{PREFIX}/login?next={quote(visit.request.url.path)}")


def signed_in(handler: Handler) -> Handler:
    async def guarded(visit: Visit) -> Response:
        if not visit.session.signed_in:
            return to_login(visit)
        return await handler(visit)

    return guarded


def safe_next(target: str | None) -> str:
    """Only a path on this site (never ``//host`` or a full URL)."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return f"{PREFIX}/"


def lost_session(result: GraphQLResult) -> bool:
    return result.unauthenticated
