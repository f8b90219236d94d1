"""The expert's upcoming sessions with seats taken, waitlist and offered seats; cancelling
a session refunds every attendee in full (paid ones through the core)."""

from __future__ import annotations

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.expert_desk import EXPERT, desk, local_time, need_profile, refused
from plugins.dashboard.forms import field_errors
from plugins.dashboard.guard import signed_in, to_login


async def _page(visit: Visit, errors: dict[str, str] | None = None) -> Response:
    found, result = await desk(visit)
    if found is None:
        return need_profile(visit, result)
    zone = found["expert"]["timeZone"]
    entries = [{**entry, "local": local_time(entry["session"]["startsAt"], zone)}
               for entry in found["upcoming"]]
    return visit.render("expert/bookings.html", desk=found, entries=entries,
                        errors=errors or {}, status_code=400 if errors else 200)


@signed_in
async def bookings(visit: Visit) -> Response:
    return await _page(visit)


@signed_in
async def session_cancel(visit: Visit) -> Response:
    result = await visit.graphql("ExpertSessionCancel",
                                 id=visit.request.path_params["session_id"])
    if result.unauthenticated:
        return to_login(visit)
    payload = result.data.get("sessionCancel") or {}
    if refused(result, payload):
        return visit.not_found()
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _page(visit, errors)
    return visit.redirect(f"{EXPERT}/bookings", notice=visit.gettext("Session cancelled."))
