"""Funding requests assigned to the expert (an advisor), moved through their statuses with
a note kept in the history."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.expert_desk import EXPERT, local_time, refused
from plugins.dashboard.forms import N_, field_errors, text
from plugins.dashboard.guard import signed_in, to_login

STATUSES = {"OPEN": N_("Open"), "IN_REVIEW": N_("In review"),
            "SUBMITTED_TO_FUNDER": N_("Submitted to the funder"), "GRANTED": N_("Granted"),
            "DECLINED": N_("Declined")}
NEXT = {"IN_REVIEW": ("SUBMITTED_TO_FUNDER", "DECLINED"),
        "SUBMITTED_TO_FUNDER": ("GRANTED", "DECLINED")}


async def _page(visit: Visit, errors: dict[str, str] | None = None,
                failed_id: str = "") -> Response:
    result = await visit.graphql("ExpertFunding")
    if result.unauthenticated:
        return to_login(visit)
    found = result.data.get("myExpert")
    if found is None:
        return visit.redirect(EXPERT)
    me, zone = found["expert"]["id"], found["expert"]["timeZone"]
    requests = [{**r, "history": [{**e, "local": local_time(e["at"], zone)}
                                  for e in r["history"]]}
                for r in result.data.get("fundingRequests") or [] if me in r["advisorIds"]]
    return visit.render("expert/funding.html", requests=requests, statuses=STATUSES,
                        moves=NEXT, errors=errors or {}, failed_id=failed_id,
                        status_code=400 if errors else 200)


@signed_in
async def funding(visit: Visit) -> Response:
    return await _page(visit)


@signed_in
async def funding_move(visit: Visit) -> Response:
    request_id = visit.request.path_params["request_id"]
    status = text(visit, "status")
    if status not in STATUSES:
        return await _page(visit, {"status": visit.gettext("Choose a status.")}, request_id)
    result = await visit.graphql("ExpertFundingMove", id=request_id, status=status,
                                 note=text(visit, "note"))
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("fundingRequestMove") or {}
    if refused(result, payload):
        return visit.not_found()
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _page(visit, errors, request_id)
    return visit.redirect(f"{EXPERT}/funding", notice=visit.gettext("Funding request moved."))
