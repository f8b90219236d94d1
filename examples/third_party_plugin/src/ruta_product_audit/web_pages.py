"""A web page added through ``ruta_web_routes``: ``/product-audit/``, the recent audit log.

It uses Ruta's web kit like the first-party dashboard does: its GraphQL document
(``web/graphql/AuditLog.graphql``) runs in process as the signed-in user, so only operators
see the log (the API refuses anyone else); the session is the one the dashboard's sign-in
page starts (``/dashboard/login``).
"""

from __future__ import annotations

from pathlib import Path

from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from engine.plugins.api import Visit, WebKit

FOLDER = Path(__file__).resolve().parent / "web"


async def audit_log(visit: Visit) -> Response:
    result = await visit.graphql("AuditLog")
    if result.denied:
        return visit.render("error.html", status_code=403,
                            message="Sign in as an operator to read the product audit log.")
    return visit.render("audit.html", entries=result.data["productAuditEntries"])


def routes(web: WebKit) -> list[BaseRoute]:
    site = web.site(FOLDER)
    return [site.mount("/product-audit", [Route("/", site.page(audit_log))])]
