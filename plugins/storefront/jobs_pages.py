"""Jobs, public side: the open offers (``/jobs``: accent-insensitive search, near a postal
code, contract type, languages, skills) and one offer (``/jobs/{id}``: pay range, languages,
skills, employer, schema.org ``JobPosting`` JSON-LD, and applying for a signed-in person).
Closed and filled offers are never listed nor shown (the API returns only published ones)."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from engine.plugins.api import Visit, utcnow
from plugins.storefront.account_guard import to_login
from plugins.storefront.connections import nodes
from plugins.storefront.forms import field_errors, text
from plugins.storefront.job_errors import job_errors
from plugins.storefront.job_labels import CONTRACTS, application_language, labels, pick
from plugins.storefront.job_posting import json_ld
from plugins.storefront.layout import not_found, render


def _filter(visit: Visit) -> dict[str, Any]:
    query = visit.request.query_params
    return {"search": query.get("q", "").strip() or None,
            "near": query.get("near", "").strip() or None,
            "contractType": query.get("contract") if query.get("contract") in CONTRACTS
            else None,
            "languages": [c for c in query.getlist("language") if c][:10],
            "skills": [c for c in query.getlist("skill") if c][:10]}


async def listing(visit: Visit) -> Response:
    chosen = _filter(visit)
    result = await visit.graphql("JobOffers", filter=chosen,
                                 after=visit.request.query_params.get("after") or None)
    found = result.data.get("jobOffers") or {}
    more = (found.get("pageInfo") or {})
    next_url = None
    if more.get("hasNextPage"):
        query = [(k, v) for k, v in visit.request.query_params.multi_items() if k != "after"]
        next_url = "/jobs?" + urlencode([*query, ("after", more["endCursor"])])
    skills = {s["code"]: pick(visit, s["labels"]) for s in result.data.get("jobSkills") or []}
    return render(visit, "jobs/listing.html", offers=nodes(found), total=found.get(
        "totalCount", 0), chosen=chosen, skills=skills, next_url=next_url,
        errors=field_errors(visit, result.errors), **labels(visit))


def _open(offer: dict[str, Any] | None) -> bool:
    """Published and its closing date not passed (the API's ``jobOffers`` rule; ``jobOffer``
    also answers a published offer whose date has passed)."""
    return offer is not None and offer["status"] == "PUBLISHED" and \
        date.fromisoformat(str(offer["closesOn"])) >= utcnow().date()


async def _offer_view(visit: Visit, offer_id: str) -> dict[str, Any] | None:
    result = await visit.graphql("JobOffer", id=offer_id)
    offer = result.data.get("jobOffer")
    if offer is None or not _open(offer):
        return None
    signed = visit.session.signed_in
    more = await visit.graphql("JobEmployer", vendorId=offer.get("vendorId"), signedIn=signed)
    applied = [a for a in more.data.get("myJobApplications") or []
               if a["offerId"] == offer["id"]]
    skills = {s["code"]: pick(visit, s["labels"]) for s in result.data.get("jobSkills") or []}
    return {"offer": offer, "employer": more.data.get("vendor"), "skills": skills,
            "profile": more.data.get("candidateProfile"),
            "application": applied[0] if applied else None}


async def offer(visit: Visit) -> Response:
    view = await _offer_view(visit, visit.request.path_params["offer_id"])
    if view is None:
        return not_found(visit)
    return render(visit, "jobs/offer.html", **view, json_ld=json_ld(visit, view),
                  **labels(visit))


async def apply(visit: Visit) -> Response:
    offer_id = visit.request.path_params["offer_id"]
    back = f"/jobs/{offer_id}"
    if not visit.session.signed_in:
        return to_login(visit, back)
    result = await visit.graphql("JobApply", offerId=offer_id,
                                 language=application_language(visit),
                                 message=text(visit, "message") or None)
    if result.unauthenticated:
        return to_login(visit, back)
    payload = result.data.get("jobApply") or {}
    errors = job_errors(visit, payload.get("errors") or result.errors)
    if not errors:
        return visit.redirect("/jobs/applications", notice=visit.gettext(
            "Your application was sent to the employer."))
    # back to the offer with the refusal (re-rendering here would take a third document)
    return visit.redirect(back, notice=" ".join(dict.fromkeys(errors.values())))
