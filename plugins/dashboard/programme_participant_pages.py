"""Programme pages for partner staff: the participants they assist, registering one (with
the person's recorded consent) and booking one into an event."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import N_, field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login

LANGUAGES = ("ES", "PT", "EN", "AR", "FR", "RO", "UK", "WO")
FORBIDDEN = N_("Only partner staff and the platform's operators can see this page.")


def _refused(visit: Visit) -> Response:
    return visit.render("error.html", status_code=403, message=visit.gettext(FORBIDDEN))


@signed_in
async def participants(visit: Visit) -> Response:
    errors: dict[str, str] = {}
    form: dict[str, Any] = {"language": "ES"}
    if visit.request.method == "POST":
        form = {key: text(visit, key) for key in ("partnerId", "email", "language",
                                                 "originRegion")}
        consent = visit.form.get("consent") == "yes"
        if not consent:
            errors["consent"] = visit.gettext(
                "Ask the person and tick this box: we only register people who agree.")
        else:
            result = await visit.graphql("ProgrammeParticipantRegister", input={
                "partnerId": form["partnerId"], "email": form["email"],
                "language": form["language"], "consentJourney": True,
                "originRegion": form["originRegion"] or None})
            payload = result.data.get("participantRegister") or {}
            errors = field_errors(visit, payload.get("errors") or result.errors)
            if not errors:
                return visit.redirect(f"{PREFIX}/programme/participants", notice=visit.gettext(
                    "%(email)s is registered.", email=payload["participant"]["email"]))
    result = await visit.graphql("ProgrammeParticipants")
    if result.unauthenticated:
        return to_login(visit)
    mine = result.data.get("myProgrammePartner")
    operator = bool((result.data.get("me") or {}).get("isOperator"))
    if result.denied or not (mine or operator):
        return _refused(visit)
    partners = [mine] if mine else result.data.get("partners") or []
    return visit.render("programme/participants.html", form=form,
                        partner_options=[(p["id"], p["name"]) for p in partners],
                        people=result.data.get("programmeParticipants") or [],
                        language_options=[(code, code) for code in LANGUAGES], errors=errors,
                        status_code=400 if errors else 200)


@signed_in
async def book(visit: Visit) -> Response:
    participant_id = visit.request.path_params["participant_id"]
    errors: dict[str, str] = {}
    if visit.request.method == "POST":
        event_id = text(visit, "eventId")
        answers = {key[len("answer."):]: value.strip() for key, value in visit.form.items()
                   if key.startswith("answer.") and isinstance(value, str) and value.strip()}
        result = await visit.graphql("ProgrammeBook", input={
            "participantId": participant_id, "eventId": event_id,
            "name": text(visit, "name"), "answers": answers})
        payload = result.data.get("participantBook") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            registration = payload["registration"]
            notice = (visit.gettext("Booked. Door code: %(code)s",
                                    code=registration["ticket"]["code"])
                      if registration["ticket"] else visit.gettext(
                          "The event is full: on the waitlist, number %(n)s.",
                          n=registration["waitlistPosition"]))
            return visit.redirect(f"{PREFIX}/programme/participants", notice=notice)
    result = await visit.graphql("ProgrammeBookForm")
    if result.unauthenticated:
        return to_login(visit)
    if result.denied:
        return _refused(visit)
    person = next((p for p in result.data.get("programmeParticipants") or []
                   if p["id"] == participant_id), None)
    if person is None:
        return visit.not_found()
    return visit.render("programme/book.html", person=person, errors=errors,
                        events=result.data.get("programmeEvents") or [],
                        status_code=400 if errors else 200)
