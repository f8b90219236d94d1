"""Jobs pages for employers (a vendor's staff, or a partner organisation's): their offers
(draft, publish, close) and the applications to each offer, moved through shortlist,
interview, offer and hire, with a message to the candidate."""

from __future__ import annotations

from datetime import date, timedelta

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import N_, decimal_or_none, field_errors, int_or_none, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login
from plugins.dashboard.labels import (
    AVAILABILITY,
    CONTRACT_TYPES,
    JOB_APPLICATION_STATUSES,
    JOB_OFFER_STATUSES,
    WORK_PERMITS,
)

CONTRACTS = ("PERMANENT", "FIXED_TERM", "SEASONAL", "INTERNSHIP", "FREELANCE")
EMPLOYER_STATUSES = {"SHORTLISTED": N_("Shortlist"), "INTERVIEW": N_("Invite to interview"),
                     "OFFERED": N_("Offer the job"), "HIRED": N_("Hire"),
                     "DECLINED": N_("Decline")}
OFFER_STATUSES = {"PUBLISHED": N_("Publish"), "CLOSED": N_("Close")}


def _offer_input(visit: Visit) -> dict[str, object]:
    lang = visit.lang if visit.lang in ("es", "pt", "en") else "es"
    languages = [c.strip().upper() for c in text(visit, "languages").split(",") if c.strip()]
    return {
        "title": {lang: text(visit, "title")}, "description": {lang: text(visit, "description")},
        "country": text(visit, "country") or "ES", "postalCode": text(visit, "postalCode") or None,
        "remote": visit.form.get("remote") == "yes",
        "contractType": text(visit, "contractType") or "PERMANENT",
        "hoursPerWeek": int_or_none(text(visit, "hoursPerWeek")) or 40,
        "salaryMin": decimal_or_none(text(visit, "salaryMin")) if text(visit, "salaryMin")
        else None,
        "salaryMax": decimal_or_none(text(visit, "salaryMax")) if text(visit, "salaryMax")
        else None,
        "languages": languages, "closesOn": text(visit, "closesOn"),
        "positions": int_or_none(text(visit, "positions")) or 1}


@signed_in
async def offers(visit: Visit) -> Response:
    errors: dict[str, str] = {}
    if visit.request.method == "POST":
        result = await visit.graphql("JobsOfferCreate", input=_offer_input(visit))
        payload = result.data.get("jobOfferCreate") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            return visit.redirect(f"{PREFIX}/jobs/offers", notice=visit.gettext(
                "Draft saved: publish it when it is ready."))
    result = await visit.graphql("JobsOffers")
    if result.unauthenticated:
        return to_login(visit)
    closes = (date.today() + timedelta(days=30)).isoformat()
    form = {k: v for k, v in visit.form.items() if isinstance(v, str)}
    return visit.render("jobs/offers.html", offers=result.data.get("myJobOffers") or [],
                        errors=errors, form=form, closes=closes,
                        contracts=[(c, visit.gettext(CONTRACT_TYPES[c])) for c in CONTRACTS],
                        actions=OFFER_STATUSES, statuses=JOB_OFFER_STATUSES,
                        status_code=400 if errors else 200)


@signed_in
async def offer_status(visit: Visit) -> Response:
    offer_id = visit.request.path_params["offer_id"]
    result = await visit.graphql("JobsOfferStatus", id=offer_id, status=text(visit, "status"))
    payload = result.data.get("jobOfferSetStatus") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    notice = next(iter(errors.values()), None) or visit.gettext("Offer updated.")
    return visit.redirect(f"{PREFIX}/jobs/offers", notice=notice)


@signed_in
async def applications(visit: Visit) -> Response:
    offer_id = visit.request.path_params["offer_id"]
    result = await visit.graphql("JobsOfferApplications", offerId=offer_id)
    if result.unauthenticated:
        return to_login(visit)
    offer = result.data.get("jobOffer")
    if offer is None or result.errors:
        return visit.not_found()
    return visit.render("jobs/applications.html", offer=offer, moves=EMPLOYER_STATUSES,
                        statuses=JOB_APPLICATION_STATUSES, availability=AVAILABILITY,
                        permits=WORK_PERMITS,
                        applications=result.data.get("jobOfferApplications") or [])


@signed_in
async def application_status(visit: Visit) -> Response:
    offer_id = visit.request.path_params["offer_id"]
    result = await visit.graphql("JobsApplicationStatus",
                                 id=visit.request.path_params["application_id"],
                                 status=text(visit, "status"),
                                 message=text(visit, "message") or None)
    payload = result.data.get("jobApplicationSetStatus") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    notice = next(iter(errors.values()), None) or visit.gettext(
        "Done: the candidate is told.")
    return visit.redirect(f"{PREFIX}/jobs/offers/{offer_id}/applications", notice=notice)
