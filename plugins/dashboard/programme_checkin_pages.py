"""Programme check-in for partner staff: their events, each event's doors (check-in
lists), and a phone-sized door page where a ticket's code is typed (or a scanner types
it), with the live attendance count (refreshed by ``checkin.js`` when scripts run). Where
the browser has ``BarcodeDetector``, ``checkin_scan.js`` adds a camera scan button that
reads the ticket's QR code and sends the same form; the page's ``Permissions-Policy``
lets this origin use the camera (every other page denies it)."""

from __future__ import annotations

import secrets

from starlette.responses import JSONResponse, Response

from engine.plugins.api import Visit, permissions_policy
from plugins.dashboard.forms import N_, field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login
from plugins.dashboard.programme_participant_pages import FORBIDDEN

REASONS = {
    "INVALID_SIGNATURE": N_("This code is not a valid ticket."),
    "UNKNOWN_TICKET": N_("No such ticket."),
    "WRONG_EVENT": N_("This ticket is for another event."),
    "REVOKED": N_("This ticket was cancelled."),
    "ALREADY_CHECKED_IN": N_("Already checked in."),
    "NOT_INSIDE": N_("This person is not inside."),
    "EXIT_NOT_ALLOWED": N_("This door does not record exits."),
}
WELCOME, GOODBYE = N_("Welcome in."), N_("Goodbye.")


@signed_in
async def events(visit: Visit) -> Response:
    result = await visit.graphql("ProgrammeCheckinEvents")
    if result.unauthenticated:
        return to_login(visit)
    mine = result.data.get("myProgrammePartner")
    operator = bool((result.data.get("me") or {}).get("isOperator"))
    if not (mine or operator):
        return visit.render("error.html", status_code=403, message=visit.gettext(FORBIDDEN))
    partner_id = None if operator or mine is None else mine["id"]
    found = [e for e in result.data.get("programmeEvents") or []
             if partner_id is None or e["partnerId"] == partner_id]
    return visit.render("programme/checkin_events.html", events=found)


@signed_in
async def doors(visit: Visit) -> Response:
    event_id = visit.request.path_params["event_id"]
    errors: dict[str, str] = {}
    if visit.request.method == "POST":
        result = await visit.graphql("ProgrammeCheckinListCreate", eventId=event_id,
                                     listName=text(visit, "name"),
                                     allowExit=visit.form.get("allowExit") == "yes")
        payload = result.data.get("checkinListCreate") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            return visit.redirect(f"{PREFIX}/programme/checkin/{payload['checkinList']['id']}")
    result = await visit.graphql("ProgrammeCheckinLists", eventId=event_id)
    if result.unauthenticated:
        return to_login(visit)
    if result.denied or result.errors:
        return visit.not_found()
    return visit.render("programme/checkin_doors.html", event_id=event_id, errors=errors,
                        lists=result.data.get("programmeCheckinLists") or [],
                        status_code=400 if errors else 200)


@signed_in
async def door(visit: Visit) -> Response:
    list_id = visit.request.path_params["list_id"]
    outcome: dict[str, str | bool] | None = None
    if visit.request.method == "POST":
        code = text(visit, "code")
        nonce = text(visit, "nonce") or secrets.token_urlsafe(12)
        result = await visit.graphql("ProgrammeCheckIn", secret=code, listId=list_id,
                                     nonce=nonce, exit=visit.form.get("direction") == "EXIT")
        scan = result.data.get("checkIn")
        if result.unauthenticated:
            return to_login(visit)
        if scan is None:
            return visit.not_found()
        problems = field_errors(visit, scan.get("errors") or [])
        outcome = {"ok": False, "message": next(iter(problems.values()))} if problems else {
            "ok": bool(scan["ok"]), "message": visit.gettext(
            (WELCOME if scan["direction"] == "ENTRY" else GOODBYE) if scan["ok"]
            else REASONS.get(str(scan["reason"]), str(scan["reason"])))}
    status = await visit.graphql("ProgrammeCheckinStatus", listId=list_id)
    if status.unauthenticated:
        return to_login(visit)
    counts = status.data.get("checkinListStatus")
    if counts is None:
        return visit.not_found()
    page = visit.render("programme/checkin_door.html", list_id=list_id, counts=counts,
                        outcome=outcome, nonce=secrets.token_urlsafe(12))
    # checkin_scan.js may open this origin's camera here (and on no other page); the
    # stream is shown through srcObject, which the strict CSP allows as it is
    page.headers["permissions-policy"] = permissions_policy(["camera"])
    return page


@signed_in
async def door_status(visit: Visit) -> Response:
    status = await visit.graphql("ProgrammeCheckinStatus",
                                 listId=visit.request.path_params["list_id"])
    counts = status.data.get("checkinListStatus")
    if counts is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse(counts, headers={"Cache-Control": "no-store"})
