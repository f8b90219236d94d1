"""The fields shared by the promotion and voucher forms: kind, value and dates (a day in
the visitor's time zone), turned into the API's input."""

from __future__ import annotations

import datetime as dt
from typing import Any

from engine.plugins.api import Visit
from plugins.dashboard.forms import decimal_or_none, text


def local_day(visit: Visit, value: str) -> str | None:
    """``2026-12-08`` -> midnight of that day where the visitor is, as ISO 8601."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return dt.datetime.combine(day, dt.time.min, tzinfo=visit.format.zone).isoformat()


def today(visit: Visit) -> str:
    return dt.datetime.now(visit.format.zone).date().isoformat()


def discount_input(visit: Visit, values: dict[str, str], errors: dict[str, str]
                   ) -> dict[str, Any]:
    """Read kind, value, startsOn and endsOn into ``values``; the API's fields back."""
    for key in ("kind", "value", "startsOn", "endsOn"):
        values[key] = text(visit, key)
    data: dict[str, Any] = {"kind": values["kind"],
                            "startsAt": local_day(visit, values["startsOn"] or today(visit))}
    if values["value"]:
        data["value"] = decimal_or_none(values["value"])
        if data["value"] is None:
            errors["value"] = visit.gettext("Write a number such as 10 or 12.50.")
    if data["startsAt"] is None:
        errors["startsOn"] = visit.gettext("Choose a day.")
    if values["endsOn"]:
        data["endsAt"] = local_day(visit, values["endsOn"])
        if data["endsAt"] is None:
            errors["endsOn"] = visit.gettext("Choose a day.")
    return data


def field_for(field: str | None) -> str | None:
    """The form field an API error names (``startsAt`` is the ``startsOn`` day)."""
    return {"startsAt": "startsOn", "endsAt": "endsOn"}.get(field or "", field)
