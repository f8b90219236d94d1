"""The operator console's funding requests, through the mentoring plugin's GraphQL API:
every request with its advisors, moving one along, assigning it to a verified funding
advisor (``fundingRequestAssign``). Errors are shown on the request's card, next to the
form that caused them (keys ``"<request id>:move"`` and ``"<request id>:assign"``)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import N_, field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in
from plugins.dashboard.operator_access import forbidden, refusal

FUNDING_STATUSES = {
    "OPEN": N_("Open"),
    "IN_REVIEW": N_("In review"),
    "SUBMITTED_TO_FUNDER": N_("Submitted to the funder"),
    "GRANTED": N_("Granted"),
    "DECLINED": N_("Declined"),
}
#: Statuses in which a request can still get an advisor (as in ``fundingRequestAssign``).
ASSIGNABLE = frozenset({"OPEN", "IN_REVIEW"})


async def _funding(visit: Visit, errors: dict[str, str] | None = None) -> Response:
    result = await visit.graphql("OperatorFunding")
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    experts = result.data.get("experts") or []
    advisors = {e["id"]: e["displayName"] for e in experts}
    verified = sorted(((e["id"], e["displayName"]) for e in experts if e["verified"]),
                      key=lambda pair: pair[1])
    return visit.render("operator/funding.html", requests=result.data["fundingRequests"],
                        advisors=advisors, verified=verified, assignable=ASSIGNABLE,
                        statuses=FUNDING_STATUSES, errors=errors or {},
                        status_code=400 if errors else 200)


@signed_in
async def funding(visit: Visit) -> Response:
    return await _funding(visit)


@signed_in
async def funding_move(visit: Visit) -> Response:
    request_id = visit.request.path_params["request_id"]
    status = text(visit, "status")
    if status not in FUNDING_STATUSES:
        return await _funding(visit, {f"{request_id}:move": visit.gettext(
            "Choose the new status.")})
    result = await visit.graphql("OperatorFundingMove", id=request_id, status=status,
                                 note=text(visit, "note"))
    if result.denied:
        return forbidden(visit)
    payload = result.data.get("fundingRequestMove") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _funding(visit, {f"{request_id}:move": next(iter(errors.values()))})
    return visit.redirect(f"{PREFIX}/operator/funding", notice=visit.gettext(
        "The request is now: %(status)s.", status=visit.gettext(FUNDING_STATUSES[status])))


@signed_in
async def funding_assign(visit: Visit) -> Response:
    request_id = visit.request.path_params["request_id"]
    expert_id = text(visit, "expertId")
    if not expert_id:
        return await _funding(visit, {f"{request_id}:assign": visit.gettext(
            "Choose an advisor.")})
    result = await visit.graphql("OperatorFundingAssign", id=request_id, expertId=expert_id)
    if result.denied:
        return forbidden(visit)
    payload = result.data.get("fundingRequestAssign") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _funding(visit, {f"{request_id}:assign": next(iter(errors.values()))})
    return visit.redirect(f"{PREFIX}/operator/funding", notice=visit.gettext(
        "The advisor is assigned: the request is in their list."))
