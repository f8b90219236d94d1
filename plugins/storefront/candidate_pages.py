"""Jobs, the signed-in participant's side: their candidate profile (``/jobs/profile``:
languages with levels, skills, experience, availability, a self-declared work permit), the
announcements subscription, their applications with status and history
(``/jobs/applications``) and withdrawing one. Applying is on the offer page
(``jobs_pages.apply``)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.forms import text
from plugins.storefront.job_errors import job_errors
from plugins.storefront.job_labels import (
    AVAILABILITY,
    FINAL,
    LANGUAGES,
    LEVELS,
    PERMITS,
    application_language,
    labels,
    pick,
)
from plugins.storefront.layout import render


def _profile_input(visit: Visit) -> dict[str, Any]:
    languages = [{"code": code, "level": text(visit, f"level-{code}")} for code in LANGUAGES
                 if text(visit, f"level-{code}") in LEVELS]
    skills = [s for s in visit.form.getlist("skill") if isinstance(s, str) and s]
    return {"displayName": text(visit, "displayName"), "languages": languages,
            "skills": skills, "experience": text(visit, "experience"),
            "postalCode": text(visit, "postalCode") or None,
            "availability": text(visit, "availability") if text(visit, "availability")
            in AVAILABILITY else "IMMEDIATE",
            "workPermit": text(visit, "workPermit") if text(visit, "workPermit") in PERMITS
            else "IN_PROGRESS",
            "shareCredentials": text(visit, "shareCredentials") == "on"}


@signed_in
async def profile(visit: Visit) -> Response:
    if visit.request.method == "POST":
        entered = _profile_input(visit)
        result = await visit.graphql("JobProfileSave", input=entered)
        if result.unauthenticated:
            return to_login(visit)
        payload = result.data.get("candidateProfileSave") or {}
        errors = job_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            return visit.redirect("/jobs/profile", notice=visit.gettext("Profile saved."))
        return await show_profile(visit, errors, entered)
    return await show_profile(visit)


async def show_profile(visit: Visit, errors: dict[str, str] | None = None,
                       entered: dict[str, Any] | None = None) -> Response:
    """The profile page: what was ``entered`` (with its ``errors``), else what is saved.
    The CV form (``cv_pages``) shows its error under the ``cv`` key."""
    errors = errors or {}
    result = await visit.graphql("JobProfile")
    if result.unauthenticated:
        return to_login(visit)
    found = result.data.get("candidateProfile")
    form = entered or found or {"displayName": "", "languages": [], "skills": [],
                                "availability": "IMMEDIATE", "workPermit": "IN_PROGRESS"}
    levels = {item["code"]: item["level"] for item in form.get("languages") or []}
    skills = [(s["code"], pick(visit, s["labels"])) for s in result.data.get("jobSkills") or []]
    opt_in = result.data.get("myAnnouncementOptIn") or {}
    return render(visit, "jobs/profile.html", form=form, levels_of=levels, skills=skills,
                  has_profile=found is not None, profile=found or {},
                  subscribed=bool(opt_in.get("subscribed")),
                  errors=errors, status_code=400 if errors else 200, **labels(visit))


@signed_in
async def applications(visit: Visit) -> Response:
    result = await visit.graphql("JobApplications")
    if result.unauthenticated:
        return to_login(visit)
    mine = sorted(result.data.get("myJobApplications") or [],
                  key=lambda a: str(a["createdAt"]), reverse=True)
    return render(visit, "jobs/applications.html", applications=mine, final=FINAL,
                  **labels(visit))


async def withdraw(visit: Visit) -> Response:
    if not visit.session.signed_in:
        return to_login(visit, "/jobs/applications")
    result = await visit.graphql("JobWithdraw", id=visit.request.path_params["application_id"])
    if result.unauthenticated:
        return to_login(visit, "/jobs/applications")
    payload = result.data.get("jobApplicationSetStatus") or {}
    errors = job_errors(visit, payload.get("errors") or result.errors)
    if errors or not payload.get("application"):
        return visit.redirect("/jobs/applications", notice=next(iter(errors.values()), ""))
    return visit.redirect("/jobs/applications", notice=visit.gettext(
        "You withdrew your application."))


async def announcements(visit: Visit) -> Response:
    if not visit.session.signed_in:
        return to_login(visit, "/jobs/profile")
    opt_in = text(visit, "subscribe") == "yes"
    result = await visit.graphql("JobAnnouncements", optIn=opt_in,
                                 language=application_language(visit))
    if result.unauthenticated:
        return to_login(visit, "/jobs/profile")
    payload = result.data.get("announcementOptIn" if opt_in else "announcementOptOut") or {}
    errors = job_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return visit.redirect("/jobs/profile", notice=next(iter(errors.values())))
    return visit.redirect("/jobs/profile", notice=visit.gettext(
        "You will receive the programme's announcements.") if opt_in else visit.gettext(
        "You will no longer receive the programme's announcements."))
