"""Account pages need a signed-in buyer: anonymous visitors go to the sign-in page."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

from starlette.responses import Response

from engine.plugins.api import Visit

Handler = Callable[[Visit], Awaitable[Response]]


def to_login(visit: Visit, back: str | None = None) -> Response:
    """To the sign-in page, then back to ``back`` (default: this page; a form's ``POST``
    handler gives the page the form is on)."""
    visit.session.sign_out()
    return visit.redirect(f"/account/login?next={quote(back or visit.request.url.path)}")


def signed_in(handler: Handler) -> Handler:
    async def guarded(visit: Visit) -> Response:
        if not visit.session.signed_in:
            return to_login(visit)
        return await handler(visit)

    return guarded
