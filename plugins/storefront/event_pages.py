"""Programme events: the list (``/events``), an event's page (``/events/{id}``) with its
sessions, place, seats left and schema.org ``Event`` JSON-LD, registration of the signed-in
visitor (free events: answering the event's questions, a seat or the waiting list; paid
events: the ticket goes to the cart and through the normal checkout, and the paid order
registers the buyer), and my tickets with their signed QR codes (``/events/tickets``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from markupsafe import Markup
from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.forms import field_errors, text
from plugins.storefront.layout import absolute, not_found, render


def _upcoming(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    now = datetime.now(UTC)
    return [e for e in events if datetime.fromisoformat(e["startsAt"]) >= now]


async def listing(visit: Visit) -> Response:
    result = await visit.graphql("ProgrammeEvents")
    return render(visit, "programme/events.html",
                  events=_upcoming(result.data.get("programmeEvents") or []))


async def _load(visit: Visit) -> dict[str, Any] | None:
    result = await visit.graphql("ProgrammeEvent", id=visit.request.path_params["event_id"])
    event = result.data.get("programmeEvent")
    if not event:
        return None
    places = {p["id"]: p for p in result.data.get("accessPoints") or []}
    return {"event": event, "places": places, "me": result.data.get("me")}


def json_ld(visit: Visit, event: dict[str, Any], places: dict[str, Any]) -> Markup:
    """schema.org ``Event``: its dates, place (or online) and offer."""
    sessions = event["sessions"]
    point = next((places[s["accessPointId"]] for s in sessions
                  if s["accessPointId"] in places), None)
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": event["title"],
        "description": event["description"], "startDate": event["startsAt"],
        "endDate": max(s["endsAt"] for s in sessions) if sessions else event["startsAt"],
        "eventAttendanceMode": "https://schema.org/" + (
            "OfflineEventAttendanceMode" if point else "OnlineEventAttendanceMode"),
        "offers": {"@type": "Offer", "price": event["price"] or "0", "priceCurrency": "EUR",
                   "availability": "https://schema.org/" + (
                       "InStock" if event["seatsLeft"] > 0 else "SoldOut"),
                   "url": absolute(visit, f"/events/{event['id']}")}}
    if point:
        data["location"] = {"@type": "Place", "name": point["name"], "address": {
            "@type": "PostalAddress", "streetAddress": point["address"],
            "postalCode": point["postalCode"], "addressLocality": point["town"],
            "addressCountry": point["country"]}}
    else:
        data["location"] = {"@type": "VirtualLocation",
                            "url": absolute(visit, f"/events/{event['id']}")}
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))


def _page(visit: Visit, found: dict[str, Any], *, errors: dict[str, str] | None = None,
          values: dict[str, str] | None = None, status_code: int = 200) -> Response:
    return render(visit, "programme/event.html", **found, errors=errors or {},
                  values=values or {}, json_ld=json_ld(visit, found["event"], found["places"]),
                  status_code=status_code)


def _form_errors(event: dict[str, Any], errors: dict[str, str]) -> dict[str, str]:
    """API errors on the form's fields: ``answers`` (or ``answers.<key>``) on the question
    asked, anything not on a field (the event is paid, gone...) above the form."""
    fields = {"name"} | {f"q_{q['key']}" for q in event["questions"]}
    required = next((q["key"] for q in event["questions"] if q["required"]), "")
    out: dict[str, str] = {}
    for key, message in errors.items():
        if key.startswith("answers"):
            key = f"q_{key.partition('.')[2] or required}"
        out.setdefault(key if key in fields else "__all__", message)
    return out


@signed_in
async def register(visit: Visit) -> Response:
    found = await _load(visit)
    if found is None:
        return not_found(visit)
    event, me = found["event"], found["me"]
    if not me:
        return to_login(visit)
    values = {"name": text(visit, "name")} | {
        f"q_{q['key']}": text(visit, f"q_{q['key']}")[:500] for q in event["questions"]}
    missing = {key: visit.gettext("This field is required.") for key in
               ["name"] + [f"q_{q['key']}" for q in event["questions"] if q["required"]]
               if not values[key]}
    if missing:
        return _page(visit, found, errors=missing, values=values, status_code=400)
    result = await visit.graphql("ProgrammeEventRegister", input={
        "eventId": event["id"], "name": values["name"], "email": me["email"],
        "answers": {q["key"]: values[f"q_{q['key']}"] for q in event["questions"]
                    if values[f"q_{q['key']}"]}})
    payload = result.data.get("programmeEventRegister") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors or not payload.get("registration"):
        return _page(visit, found, values=values, status_code=400,
                     errors=_form_errors(event, errors) or {
                         "__all__": visit.gettext("This could not be done. Try again.")})
    notice = (visit.gettext("You are registered: your ticket is below.")
              if payload["registration"]["status"] == "CONFIRMED" else
              visit.gettext("The event is full: you are on the waiting list."))
    return visit.redirect("/events/tickets", notice=notice)


@signed_in
async def tickets(visit: Visit) -> Response:
    result = await visit.graphql("MyTickets")
    if result.unauthenticated:
        return to_login(visit)
    events = {e["id"]: e for e in result.data.get("programmeEvents") or []}
    mine = [(r, events.get(r["eventId"])) for r in
            result.data.get("myProgrammeRegistrations") or []]
    return render(visit, "programme/tickets.html", registrations=mine)


async def page(visit: Visit) -> Response:
    """``/events/{id}``: GET shows the event, POST registers for it."""
    if visit.request.method == "POST":
        return await register(visit)
    found = await _load(visit)
    return not_found(visit) if found is None else _page(visit, found)
