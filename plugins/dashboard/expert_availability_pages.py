"""Weekly availability and dated exceptions, in the expert's own time zone.

One window per weekday (``start-N``/``end-N``, empty = not available), exceptions one per
line: ``2027-03-01`` (day off) or ``2027-03-01 10:00-12:00`` (only then)."""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.expert_desk import EXPERT, WEEKDAYS, desk, need_profile
from plugins.dashboard.forms import field_errors, int_or_none, text
from plugins.dashboard.guard import signed_in

LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2}))?$")


def _current(expert: dict[str, Any], exceptions: list[dict[str, Any]]) -> dict[str, str]:
    values = {"bufferMinutes": str(expert["bufferMinutes"]),
              "minNoticeMinutes": str(expert["minNoticeMinutes"])}
    for rule in expert["weeklyPlan"]:
        values.setdefault(f"start-{rule['weekday']}", rule["start"])
        values.setdefault(f"end-{rule['weekday']}", rule["end"])
    values["exceptions"] = "\n".join(
        e["date"] + "".join(f" {w['start']}-{w['end']}" for w in e["windows"][:1])
        for e in exceptions)
    return values


def _read(visit: Visit) -> tuple[dict[str, str], dict[str, Any], dict[str, str]]:
    """Form values, the API's variables and errors found before asking the API."""
    names = [f"{part}-{day}" for day in range(7) for part in ("start", "end")]
    values = {key: text(visit, key) for key in [*names, "bufferMinutes", "minNoticeMinutes",
                                                "exceptions"]}
    errors: dict[str, str] = {}
    weekly, days = [], []
    for day in range(7):
        start, end = values[f"start-{day}"], values[f"end-{day}"]
        if start or end:
            weekly.append({"weekday": day, "start": start, "end": end})
            days.append(day)
    exceptions = []
    for line in values["exceptions"].splitlines():
        found = LINE.match(line.strip())
        if found is None and line.strip():
            errors["exceptions"] = visit.gettext(
                "Write one date per line, such as 2027-03-01 or 2027-03-01 10:00-12:00.")
        elif found:
            windows = [{"start": found[2], "end": found[3]}] if found[2] else []
            exceptions.append({"date": found[1], "windows": windows})
    variables: dict[str, Any] = {"weeklyPlan": weekly, "exceptions": exceptions, "days": days}
    for key in ("bufferMinutes", "minNoticeMinutes"):
        variables[key] = int_or_none(values[key] or "0")
        if variables[key] is None:
            errors[key] = visit.gettext("Write a whole number.")
    return values, variables, errors


def _api_errors(visit: Visit, errors: list[dict[str, Any]], days: list[int]) -> dict[str, str]:
    """``weeklyPlan.2`` names the third window sent: show it next to its weekday."""
    renamed = []
    for error in errors:
        field = str(error.get("field") or "")
        if field.startswith("weeklyPlan."):
            field = f"start-{days[int(field.split('.')[1])]}"
        elif field.startswith("exceptions"):
            field = "exceptions"
        renamed.append({**error, "field": field})
    return field_errors(visit, renamed)


@signed_in
async def availability(visit: Visit) -> Response:
    found, result = await desk(visit)
    if found is None:
        return need_profile(visit, result)
    expert = found["expert"]
    values = _current(expert, found["exceptions"])
    errors: dict[str, str] = {}
    if visit.request.method == "POST":
        values, variables, errors = _read(visit)
        if not errors:
            days = variables.pop("days")
            saved = await visit.graphql("ExpertAvailabilitySet", expertId=expert["id"],
                                        **variables)
            payload = saved.data.get("expertAvailabilitySet") or {}
            errors = _api_errors(visit, payload.get("errors") or saved.errors, days)
            if not errors:
                return visit.redirect(f"{EXPERT}/availability",
                                      notice=visit.gettext("Availability saved."))
    return visit.render("expert/availability.html", expert=expert, values=values,
                        errors=errors, weekdays=WEEKDAYS, status_code=400 if errors else 200)
