"""The operator's console: vendor applications to approve."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import field_errors
from plugins.dashboard.guard import PREFIX, signed_in, to_login


@signed_in
async def applications(visit: Visit) -> Response:
    result = await visit.graphql("VendorApplications")
    if result.unauthenticated:
        return to_login(visit)
    if result.denied or not (result.data.get("me") or {}).get("isOperator"):
        return visit.render("error.html", status_code=403, message=visit.gettext(
            "Only the platform's operators can see this page."))
    edges = (result.data.get("vendors") or {}).get("edges") or []
    return visit.render("applications.html", vendors=[edge["node"] for edge in edges])


@signed_in
async def approve(visit: Visit) -> Response:
    vendor_id = visit.request.path_params["vendor_id"]
    result = await visit.graphql("VendorApprove", id=vendor_id)
    payload = result.data.get("vendorApprove") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return visit.redirect(f"{PREFIX}/operator/vendors", notice=next(iter(errors.values())))
    return visit.redirect(f"{PREFIX}/operator/vendors", notice=visit.gettext(
        "%(name)s is approved and can now sell.", name=payload["vendor"]["name"]))
