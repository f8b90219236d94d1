"""The expert's profile: create it, then edit name, kind, languages, time zone and bio."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.expert_desk import EXPERT, desk
from plugins.dashboard.forms import N_, field_errors, int_or_none, text
from plugins.dashboard.guard import signed_in, to_login
from plugins.dashboard.labels import EXPERT_KINDS

KINDS = EXPERT_KINDS
LANGUAGES = {"ES": N_("Spanish"), "PT": N_("Portuguese"), "EN": N_("English")}
ZONES = ("Europe/Madrid", "Europe/Lisbon", "Atlantic/Canary", "Atlantic/Madeira",
         "Atlantic/Azores")
FIELDS = ("displayName", "kind", "timeZone", "capacity", "bio")


def _values(expert: dict[str, Any] | None) -> dict[str, Any]:
    if expert is None:
        return {"displayName": "", "kind": "MENTOR", "timeZone": "Europe/Madrid",
                "capacity": "3", "bio": "", "languages": ["ES"]}
    return {"displayName": expert["displayName"], "kind": expert["kind"],
            "timeZone": expert["timeZone"], "capacity": str(expert["capacity"]),
            "bio": expert["bio"], "languages": expert["languages"]}


async def _save(visit: Visit, values: dict[str, Any], expert_id: str | None
                ) -> dict[str, str]:
    capacity = int_or_none(values["capacity"])
    if capacity is None:
        return {"capacity": visit.gettext("Write a whole number.")}
    data = {"displayName": values["displayName"], "kind": values["kind"],
            "timeZone": values["timeZone"], "capacity": capacity,
            "languages": values["languages"],
            "bio": {visit.lang if visit.lang in ("es", "pt", "en") else "en": values["bio"]}}
    if expert_id is None:
        result = await visit.graphql("ExpertCreate", input=data)
        payload = result.data.get("expertCreate") or {}
    else:
        result = await visit.graphql("ExpertUpdate", id=expert_id, input=data)
        payload = result.data.get("expertUpdate") or {}
    return field_errors(visit, payload.get("errors") or result.errors)


@signed_in
async def profile(visit: Visit) -> Response:
    found, result = await desk(visit)
    if result.unauthenticated:
        return to_login(visit)
    expert = found["expert"] if found else None
    values = _values(expert)
    errors: dict[str, str] = {}
    if visit.request.method == "POST":
        values = {key: text(visit, key) for key in FIELDS}
        values["languages"] = [c for c in visit.form.getlist("languages") if c in LANGUAGES]
        errors = await _save(visit, values, expert["id"] if expert else None)
        if not errors:
            return visit.redirect(EXPERT, notice=visit.gettext("Profile saved."))
    return visit.render("expert/profile.html", expert=expert, values=values, errors=errors,
                        kinds=KINDS, languages_=LANGUAGES, zones=ZONES,
                        status_code=400 if errors else 200)
