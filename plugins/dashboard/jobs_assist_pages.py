"""Jobs pages for partner staff: the people who consented to their managing a candidate
profile, that profile (create or edit), and applying to an open offer on the person's
behalf, in the language the person writes in."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login
from plugins.dashboard.labels import AVAILABILITY
from plugins.dashboard.labels import WORK_PERMITS as PERMITS


def _languages(value: str) -> list[dict[str, str]]:
    """``"PT NATIVE, ES B1"`` → ``[{"code": "PT", "level": "NATIVE"}, ...]``."""
    out = []
    for part in value.split(","):
        words = part.replace(":", " ").split()
        if words:
            out.append({"code": words[0].upper(),
                        "level": words[1].upper() if len(words) > 1 else "B1"})
    return out


def _profile_input(visit: Visit) -> dict[str, Any]:
    return {"displayName": text(visit, "displayName"),
            "languages": _languages(text(visit, "languages")),
            "skills": [s.strip() for s in text(visit, "skills").split(",") if s.strip()],
            "experience": text(visit, "experience"),
            "postalCode": text(visit, "postalCode") or None,
            "availability": text(visit, "availability") or "IMMEDIATE",
            "workPermit": text(visit, "workPermit") or "IN_PROGRESS"}


@signed_in
async def assisted(visit: Visit) -> Response:
    result = await visit.graphql("JobsAssisted")
    if result.unauthenticated:
        return to_login(visit)
    return visit.render("jobs/assisted.html",
                        people=result.data.get("assistedCandidates") or [])


@signed_in
async def profile(visit: Visit) -> Response:
    user_id = visit.request.path_params["user_id"]
    errors: dict[str, str] = {}
    if visit.request.method == "POST":
        result = await visit.graphql("JobsProfileSave", userId=user_id,
                                     input=_profile_input(visit))
        payload = result.data.get("candidateProfileSave") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            return visit.redirect(f"{PREFIX}/jobs/assisted/{user_id}",
                                  notice=visit.gettext("Profile saved."))
    result = await visit.graphql("JobsAssistedProfile", userId=user_id)
    if result.unauthenticated:
        return to_login(visit)
    if result.denied:
        return visit.render("error.html", status_code=403, message=visit.gettext(
            "This person has not agreed to your managing their profile."))
    found = result.data.get("candidateProfile") or {}
    form = ({k: v for k, v in visit.form.items() if isinstance(v, str)} if errors else {
        "displayName": found.get("displayName", ""),
        "languages": ", ".join(f"{x['code']} {x['level']}" for x in found.get("languages", [])),
        "skills": ", ".join(found.get("skills", [])), "experience": found.get("experience", ""),
        "postalCode": found.get("postalCode") or "",
        "availability": found.get("availability", "IMMEDIATE"),
        "workPermit": found.get("workPermit", "IN_PROGRESS")})
    offers = [edge["node"] for edge in (result.data.get("jobOffers") or {}).get("edges", [])]
    return visit.render("jobs/profile.html", user_id=user_id, form=form, errors=errors,
                        has_profile=bool(found), offers=offers,
                        availability=[(a, visit.gettext(t)) for a, t in AVAILABILITY.items()],
                        permits=[(p, visit.gettext(t)) for p, t in PERMITS.items()],
                        status_code=400 if errors else 200)


@signed_in
async def apply(visit: Visit) -> Response:
    user_id = visit.request.path_params["user_id"]
    result = await visit.graphql("JobsApplyFor", userId=user_id,
                                 offerId=visit.request.path_params["offer_id"],
                                 language=text(visit, "language") or "ES",
                                 message=text(visit, "message") or None)
    payload = result.data.get("jobApply") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    notice = next(iter(errors.values()), None) or visit.gettext(
        "Application sent. The employer will answer the person directly.")
    return visit.redirect(f"{PREFIX}/jobs/assisted/{user_id}", notice=notice)
