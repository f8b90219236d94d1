"""The operator's console for the mentoring and e-learning plugins, through their own
GraphQL API: verify experts and revoke a certificate (funding requests:
``operator_funding_pages``)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in
from plugins.dashboard.labels import EXPERT_KINDS
from plugins.dashboard.operator_access import forbidden, refusal


@signed_in
async def experts(visit: Visit) -> Response:
    result = await visit.graphql("OperatorExperts")
    refused = refusal(visit, result)
    if refused is not None:
        return refused
    listed = sorted(result.data.get("experts") or [], key=lambda e: (e["verified"],
                                                                     e["displayName"]))
    return visit.render("operator/experts.html", experts=listed, kinds=EXPERT_KINDS)


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
