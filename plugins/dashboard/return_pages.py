"""Return requests made by buyers within the withdrawal period: the vendor approves (the
rest of that order part is refunded through the core, after a confirmation) or refuses
with a note the buyer reads."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import N_, field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login

STATUSES = {"REQUESTED": N_("Waiting"), "APPROVED": N_("Approved and refunded"),
            "REFUSED": N_("Refused")}


async def _page(visit: Visit, *, errors: dict[str, str] | None = None,
                confirm: str | None = None, notes: dict[str, str] | None = None) -> Response:
    status = visit.request.query_params.get("status", "REQUESTED")
    result = await visit.graphql("VendorReturns",
                                 status=status if status in STATUSES else None)
    if result.unauthenticated:
        return to_login(visit)
    if result.data.get("myVendor") is None:
        return visit.redirect(f"{PREFIX}/apply")
    return visit.render("seller/returns.html", requests=result.data["myVendorReturnRequests"],
                        status=status, statuses=STATUSES, errors=errors or {},
                        confirm=confirm, notes=notes or {},
                        status_code=400 if errors else 200)


@signed_in
async def returns(visit: Visit) -> Response:
    return await _page(visit)


@signed_in
async def decide(visit: Visit) -> Response:
    """Refuse: one post with the note. Approve: a first post asks to confirm the refund."""
    request_id = visit.request.path_params["request_id"]
    approve, note = text(visit, "decision") == "approve", text(visit, "note")
    if approve and text(visit, "confirm") != "1":
        return await _page(visit, confirm=request_id)
    result = await visit.graphql("ReturnDecide", id=request_id, approve=approve, note=note)
    payload = result.data.get("returnRequestDecide") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _page(visit, errors={request_id: next(iter(errors.values()))},
                           notes={request_id: note})
    number = payload["returnRequest"]["vendorOrder"]["orderNumber"]
    return visit.redirect(f"{PREFIX}/returns", notice=visit.gettext(
        "Order %(number)s: the return is approved and refunded.", number=number)
        if approve else visit.gettext(
        "Order %(number)s: the return is refused; the buyer reads your note.", number=number))
