"""The operator's console: vendor applications to approve or reject (with a reason)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import field_errors
from plugins.dashboard.guard import PREFIX, signed_in
from plugins.dashboard.operator_access import refusal


async def applications_page(visit: Visit, *, errors: dict[str, str] | None = None,
                            reasons: dict[str, str] | None = None) -> Response:
    """The pending applications; ``errors``/``reasons`` by vendor id re-show a refused
    rejection next to its field."""
    result = await visit.graphql("VendorApplications")
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    edges = (result.data.get("vendors") or {}).get("edges") or []
    return visit.render("applications.html", vendors=[edge["node"] for edge in edges],
                        errors=errors or {}, reasons=reasons or {},
                        status_code=400 if errors else 200)


@signed_in
async def applications(visit: Visit) -> Response:
    return await applications_page(visit)


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
