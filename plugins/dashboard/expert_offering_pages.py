"""The expert's offerings with their cancellation policy, and dated sessions: a free one on
the calendar, or a paid one made bookable through checkout in one step."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.expert_desk import EXPERT, desk, local_to_utc, need_profile
from plugins.dashboard.forms import decimal_or_none, field_errors, int_or_none, text
from plugins.dashboard.guard import signed_in

NUMBERS = ("durationMinutes", "seats", "freeCancelHours", "cancelFeePercent")
BLANK = {"title": "", "durationMinutes": "60", "price": "0", "seats": "1",
         "freeCancelHours": "24", "cancelFeePercent": "0"}


async def _page(visit: Visit, *, values: dict[str, str] | None = None,
                errors: dict[str, str] | None = None, session_values: dict[str, str] | None
                = None, session_errors: dict[str, str] | None = None) -> Response:
    found, result = await desk(visit)
    if found is None:
        return need_profile(visit, result)
    vendor = result.data.get("myVendor") or {}
    products = [e["node"] for e in (vendor.get("products") or {}).get("edges", [])]
    failed = bool(errors or session_errors)
    return visit.render("expert/offerings.html", desk=found, products=products,
                        values=values or BLANK, errors=errors or {},
                        session_values=session_values or {}, session_errors=session_errors
                        or {}, status_code=400 if failed else 200)


def _offering_input(visit: Visit, values: dict[str, str], expert_id: str
                    ) -> tuple[dict[str, Any], dict[str, str]]:
    errors: dict[str, str] = {}
    data: dict[str, Any] = {"expertId": expert_id, "title": values["title"],
                            "isGroup": visit.form.get("isGroup") == "on"}
    for key in NUMBERS:
        data[key] = int_or_none(values[key])
        if data[key] is None:
            errors[key] = visit.gettext("Write a whole number.")
    data["price"] = decimal_or_none(values["price"])
    if data["price"] is None:
        errors["price"] = visit.gettext("Write a price such as 12.50.")
    return data, errors


@signed_in
async def offerings(visit: Visit) -> Response:
    if visit.request.method != "POST":
        return await _page(visit)
    values = {key: text(visit, key) for key in ("title", "price", *NUMBERS)}
    data, errors = _offering_input(visit, values, text(visit, "expertId"))
    if not errors:
        result = await visit.graphql("ExpertOfferingCreate", input=data)
        payload = result.data.get("offeringCreate") or {}
        errors = field_errors(visit, payload.get("errors") or result.errors)
        if not errors:
            return visit.redirect(f"{EXPERT}/offerings",
                                  notice=visit.gettext("Offering added."))
    return await _page(visit, values=values, errors=errors)


@signed_in
async def session_add(visit: Visit) -> Response:
    """Schedule a free session, or sell a paid one through the chosen product."""
    values = {key: text(visit, key) for key in ("offeringId", "productId", "startsAt",
                                                "timeZone")}
    starts_at = local_to_utc(values["startsAt"], values["timeZone"])
    if starts_at is None:
        errors = {"startsAt": visit.gettext("Choose a date and a time.")}
        return await _page(visit, session_values=values, session_errors=errors)
    if values["productId"]:
        result = await visit.graphql("ExpertSessionSell", offeringId=values["offeringId"],
                                     productId=values["productId"], startsAt=starts_at)
        payload = result.data.get("offeringSessionSell") or {}
    else:
        result = await visit.graphql("ExpertSessionSchedule", offeringId=values["offeringId"],
                                     startsAt=starts_at)
        payload = result.data.get("sessionSchedule") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return await _page(visit, session_values=values, session_errors=errors)
    return visit.redirect(f"{EXPERT}/bookings", notice=visit.gettext("Session added."))
