"""Mentoring on the storefront: asking an expert to be your mentor (from the expert's
page), your requests and mentorships with their status (``/advice/mentorships``) and the
goals of one mentorship (``/advice/goals?mentorship=``: list, add, mark done). The API lets
only the mentor and the mentee see or change a mentorship's goals; anyone else gets the
"not found" page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.advice_pages import expert_data
from plugins.storefront.forms import N_, field_errors, text
from plugins.storefront.layout import not_found, render

MENTORSHIP_STATUSES = {
    "PENDING": N_("Waiting for the mentor's answer"),
    "ACCEPTED": N_("Accepted"),
    "DECLINED": N_("Declined"),
    "ENDED": N_("Ended"),
}
#: Steps of the founder's journey (goals and funding requests use them).
MILESTONES = {
    "IDEA": N_("Idea"),
    "PLAN": N_("Business plan"),
    "REGISTRATION": N_("Registration"),
    "FUNDING": N_("Funding"),
    "FIRST_SALE": N_("First sale"),
}


def names(visit: Visit, labels: dict[str, str]) -> dict[str, str]:
    return {code: visit.gettext(label) for code, label in labels.items()}


@signed_in
async def request(visit: Visit) -> Response:
    expert_id = text(visit, "expert")
    result = await visit.graphql("MentorshipRequest", expertId=expert_id,
                                 message=text(visit, "message"),
                                 shareProgress=text(visit, "share") == "1")
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("mentorshipRequest") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        data = await expert_data(visit, expert_id)
        if data is None:
            return not_found(visit)
        if "expertId" in errors:  # asked already, or yourself: about the whole request
            errors["__all__"] = errors.pop("expertId")
        return render(visit, "advice/expert.html", expert_id=expert_id, errors=errors,
                      message=text(visit, "message"), time_zone=visit.time_zone,
                      status_code=400, **data)
    return visit.redirect("/advice/mentorships", notice=visit.gettext(
        "Your request is sent to the mentor."))


@signed_in
async def mentorships(visit: Visit) -> Response:
    result = await visit.graphql("MyMentorships")
    if result.unauthenticated:
        return to_login(visit)
    return render(visit, "advice/mentorships.html",
                  mentorships=result.data.get("myMentorships") or [],
                  statuses=names(visit, MENTORSHIP_STATUSES))


async def _goals_page(visit: Visit, mentorship_id: str, *, errors: dict[str, str] | None = None,
                      form: dict[str, str] | None = None) -> Response:
    result = await visit.graphql("MentorshipGoals", mentorshipId=mentorship_id)
    if result.unauthenticated:
        return to_login(visit)
    goals: list[dict[str, Any]] | None = result.data.get("mentorshipGoals")
    if goals is None:  # not one of the pair, or no such mentorship
        return not_found(visit)
    return render(visit, "advice/goals.html", mentorship_id=mentorship_id, goals=goals,
                  milestones=names(visit, MILESTONES), errors=errors or {}, form=form or {},
                  status_code=400 if errors else 200)


@signed_in
async def goals(visit: Visit) -> Response:
    return await _goals_page(visit, visit.request.query_params.get("mentorship") or "")


def _back(mentorship_id: str) -> str:
    return "/advice/goals?" + urlencode({"mentorship": mentorship_id})


@signed_in
async def goal_add(visit: Visit) -> Response:
    mentorship_id = text(visit, "mentorship")
    form = {"milestone": text(visit, "milestone"), "title": text(visit, "title")}
    if form["milestone"] not in MILESTONES:
        return await _goals_page(visit, mentorship_id, form=form, errors={
            "milestone": visit.gettext("This value is not valid.")})
    result = await visit.graphql("GoalAdd", mentorshipId=mentorship_id,
                                 milestone=form["milestone"], title=form["title"])
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("mentorshipGoalAdd") or {}
    if result.denied:
        return not_found(visit)
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _goals_page(visit, mentorship_id, errors=errors, form=form)
    return visit.redirect(_back(mentorship_id), notice=visit.gettext("Your goal is added."))


@signed_in
async def goal_done(visit: Visit) -> Response:
    mentorship_id = text(visit, "mentorship")
    result = await visit.graphql("GoalDone", id=text(visit, "goal"))
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("mentorshipGoalAchieve") or {}
    if result.denied or not payload.get("goal"):
        return not_found(visit)
    return visit.redirect(_back(mentorship_id), notice=visit.gettext(
        "Well done: the goal is marked as achieved."))
