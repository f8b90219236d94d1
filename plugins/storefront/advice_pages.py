"""Advice: find an expert (``/advice``, ``expertMatches`` with its explained score), an
expert's page with free slots in the visitor's time zone (``/advice/expert?id=``), booking
a free slot, my bookings (``/advice/bookings``) with the ``.ics`` file and cancellation
under the offering's policy. Ids travel in query strings and forms (opaque API ids)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.account_guard import signed_in, to_login
from plugins.storefront.advice_words import KINDS, booking_statuses, explained, kind_names
from plugins.storefront.buyer import language_code
from plugins.storefront.forms import field_errors, text
from plugins.storefront.layout import not_found, render

SLOT_DAYS = 7
MATCH_LANGUAGES = ("ES", "PT", "EN")


async def find(visit: Visit) -> Response:
    query = visit.request.query_params
    tag, kind = query.get("expertise") or "", query.get("kind") or ""
    spoken = language_code(visit)  # experts speak ES, PT or EN: others are not asked for
    needs: dict[str, Any] = {"expertise": [tag] if tag else [],
                             "languages": [spoken] if spoken in MATCH_LANGUAGES else []}
    if kind in KINDS:
        needs["kind"] = kind
    result = await visit.graphql("ExpertMatches", needs=needs, search="search" in query)
    label = {"es": "labelEs", "pt": "labelPt"}.get(visit.lang, "labelEn")
    tags = [(t["code"], t.get(label) or t.get("labelEn") or t["code"])
            for t in result.data.get("expertiseTags") or []]
    return render(visit, "advice/find.html", tags=tags, kinds=kind_names(visit),
                  chosen_tag=tag, chosen_kind=kind,
                  matches=explained(visit, result.data.get("expertMatches"), dict(tags)))


async def expert_data(visit: Visit, expert_id: str) -> dict[str, Any] | None:
    """The expert page's data (profile, offerings, free slots), or None."""
    now = datetime.now(UTC).replace(microsecond=0)
    result = await visit.graphql(
        "ExpertPage", id=expert_id, languageCode=language_code(visit),
        **{"from": now.isoformat(), "to": (now + timedelta(days=SLOT_DAYS)).isoformat()},
        timeZone=visit.time_zone)
    found = result.data.get("expert")
    if not found:
        return None
    return {**result.data, "kind_name": kind_names(visit).get(found["kind"], found["kind"])}


async def expert(visit: Visit) -> Response:
    expert_id = visit.request.query_params.get("id") or ""
    data = await expert_data(visit, expert_id) if expert_id else None
    if data is None:
        return not_found(visit)
    return render(visit, "advice/expert.html", expert_id=expert_id, time_zone=visit.time_zone,
                  **data)


@signed_in
async def book(visit: Visit) -> Response:
    expert_id = text(visit, "expert")
    result = await visit.graphql("SessionBook", offeringId=text(visit, "offering"),
                                 startsAt=text(visit, "startsAt"))
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("sessionBook") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        data = await expert_data(visit, expert_id)
        if data is None:
            return not_found(visit)
        return render(visit, "advice/expert.html", expert_id=expert_id, errors=errors,
                      time_zone=visit.time_zone, status_code=400, **data)
    return visit.redirect("/advice/bookings", notice=visit.gettext("Your session is booked."))


@signed_in
async def bookings(visit: Visit) -> Response:
    result = await visit.graphql("MyBookings")
    if result.unauthenticated:
        return to_login(visit)
    return render(visit, "advice/bookings.html", statuses=booking_statuses(visit),
                  bookings=result.data.get("myMentoringBookings") or [])


@signed_in
async def ics(visit: Visit) -> Response:
    result = await visit.graphql("MyBookings")
    wanted = visit.request.query_params.get("id")
    found = next((b for b in result.data.get("myMentoringBookings") or []
                  if b["id"] == wanted), None)
    if found is None:
        return not_found(visit)
    return Response(found["ics"], media_type="text/calendar", headers={
        "Content-Disposition": 'attachment; filename="session.ics"',
        "Cache-Control": "private, no-store"})


@signed_in
async def cancel(visit: Visit) -> Response:
    result = await visit.graphql("BookingCancel", id=text(visit, "booking"))
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("bookingCancel") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return visit.redirect("/advice/bookings", notice=next(iter(errors.values())))
    return visit.redirect("/advice/bookings", notice=visit.gettext(
        "Your booking is cancelled."))
