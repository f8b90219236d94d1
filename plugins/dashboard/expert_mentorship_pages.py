"""Mentorship requests to the expert (accept or decline) and each mentorship's private
session notes (only the mentor and the mentee may read them)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.expert_desk import EXPERT, local_time, refused
from plugins.dashboard.forms import N_, field_errors, text
from plugins.dashboard.guard import signed_in, to_login

STATUSES = {"PENDING": N_("Waiting for your answer"), "ACCEPTED": N_("Accepted"),
            "DECLINED": N_("Declined"), "ENDED": N_("Ended")}


@signed_in
async def mentorships(visit: Visit) -> Response:
    result = await visit.graphql("ExpertMentorships")
    if result.unauthenticated:
        return to_login(visit)
    found = result.data.get("myExpert")
    if found is None:
        return visit.redirect(EXPERT)
    mine = [m for m in result.data.get("myMentorships") or []
            if m["expertId"] == found["expert"]["id"]]
    return visit.render("expert/mentorships.html", mentorships=mine, statuses=STATUSES)


@signed_in
async def respond(visit: Visit) -> Response:
    accept = text(visit, "answer") == "accept"
    result = await visit.graphql("ExpertMentorshipRespond",
                                 id=visit.request.path_params["mentorship_id"], accept=accept)
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("mentorshipRespond") or {}
    if refused(result, payload) or not payload.get("mentorship"):
        return visit.not_found()
    notice = visit.gettext("Request accepted.") if accept else visit.gettext("Request declined.")
    return visit.redirect(f"{EXPERT}/mentorships", notice=notice)


@signed_in
async def notes(visit: Visit) -> Response:
    mentorship_id = visit.request.path_params["mentorship_id"]
    errors: dict[str, str] = {}
    body = ""
    if visit.request.method == "POST":
        body = text(visit, "body")
        added = await visit.graphql("ExpertNoteAdd", id=mentorship_id, body=body)
        payload = added.data.get("mentorshipNoteAdd") or {}
        if refused(added, payload):
            return visit.not_found()
        errors = field_errors(visit, payload.get("errors") or added.errors)
        if not errors:
            return visit.redirect(f"{EXPERT}/mentorships/{mentorship_id}/notes",
                                  notice=visit.gettext("Note added."))
    result = await visit.graphql("ExpertNotes", id=mentorship_id)
    if result.unauthenticated:
        return to_login(visit)
    found = result.data.get("myExpert")
    if found is None or result.denied:
        return visit.not_found()
    zone = found["expert"]["timeZone"]
    rows = [{**note, "local": local_time(note["createdAt"], zone)}
            for note in result.data.get("mentorshipNotes") or []]
    return visit.render("expert/notes.html", notes=rows, mentorship_id=mentorship_id,
                        body=body, errors=errors, status_code=400 if errors else 200)
