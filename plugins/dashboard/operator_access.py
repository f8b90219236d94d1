"""What every operator page checks first: a signed-in operator, else 403 (the API refuses
the same requests on its own; this only keeps others from seeing an empty console)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import GraphQLResult, Visit
from plugins.dashboard.guard import to_login


def refusal(visit: Visit, result: GraphQLResult) -> Response | None:
    """The response for a visitor who may not see an operator page, or None."""
    if result.unauthenticated:
        return to_login(visit)
    if result.denied or not (result.data.get("me") or {}).get("isOperator"):
        return forbidden(visit)
    return None


def forbidden(visit: Visit) -> Response:
    return visit.render("error.html", status_code=403, message=visit.gettext(
        "Only the platform's operators can see this page."))
