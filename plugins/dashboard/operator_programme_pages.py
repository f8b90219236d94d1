"""The operator's console for the mentoring and e-learning plugins, through their own
GraphQL API: verify experts, revoke a certificate, and move funding requests along."""

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


@signed_in
async def experts(visit: Visit) -> Response:
    result = await visit.graphql("OperatorExperts")
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    listed = sorted(result.data.get("experts") or [], key=lambda e: (e["verified"],
                                                                     e["displayName"]))
    return visit.render("operator/experts.html", experts=listed)


@signed_in
async def expert_verify(visit: Visit) -> Response:
    verified = text(visit, "verified") == "1"
    result = await visit.graphql("OperatorExpertVerify",
                                 id=visit.request.path_params["expert_id"], verified=verified)
    if result.denied:
        return forbidden(visit)
    payload = result.data.get("expertVerify") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return visit.redirect(f"{PREFIX}/operator/experts", notice=next(iter(errors.values())))
    name = payload["expert"]["displayName"]
    return visit.redirect(f"{PREFIX}/operator/experts", notice=visit.gettext(
        "%(name)s is verified.", name=name) if verified else visit.gettext(
        "%(name)s is no longer verified.", name=name))


async def _certificates(visit: Visit, errors: dict[str, str] | None = None,
                        values: dict[str, str] | None = None) -> Response:
    result = await visit.graphql("OperatorMe")
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    return visit.render("operator/certificates.html", errors=errors or {},
                        values=values or {}, status_code=400 if errors else 200)


@signed_in
async def certificates(visit: Visit) -> Response:
    return await _certificates(visit)


@signed_in
async def certificate_revoke(visit: Visit) -> Response:
    values = {"credentialId": text(visit, "credentialId"), "reason": text(visit, "reason")}
    result = await visit.graphql("OperatorCertificateRevoke", **values)
    if result.denied:
        return forbidden(visit)
    payload = result.data.get("certificateRevoke") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _certificates(visit, errors, values)
    return visit.redirect(f"{PREFIX}/operator/certificates", notice=visit.gettext(
        "Certificate %(id)s is revoked: verifying it now fails.",
        id=payload["certificate"]["credentialId"]))


async def _funding(visit: Visit, errors: dict[str, str] | None = None) -> Response:
    result = await visit.graphql("OperatorFunding")
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    advisors = {e["id"]: e["displayName"] for e in result.data.get("experts") or []}
    return visit.render("operator/funding.html", requests=result.data["fundingRequests"],
                        advisors=advisors, statuses=FUNDING_STATUSES, errors=errors or {},
                        status_code=400 if errors else 200)


@signed_in
async def funding(visit: Visit) -> Response:
    return await _funding(visit)


@signed_in
async def funding_move(visit: Visit) -> Response:
    request_id = visit.request.path_params["request_id"]
    status = text(visit, "status")
    if status not in FUNDING_STATUSES:
        return await _funding(visit, {request_id: visit.gettext("Choose the new status.")})
    result = await visit.graphql("OperatorFundingMove", id=request_id, status=status,
                                 note=text(visit, "note"))
    if result.denied:
        return forbidden(visit)
    payload = result.data.get("fundingRequestMove") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _funding(visit, {request_id: next(iter(errors.values()))})
    return visit.redirect(f"{PREFIX}/operator/funding", notice=visit.gettext(
        "The request is now: %(status)s.", status=visit.gettext(FUNDING_STATUSES[status])))
