"""What every expert page shares: the desk document, and times in the expert's own zone."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from starlette.responses import Response

from engine.plugins.api import GraphQLResult, Visit
from plugins.dashboard.forms import N_
from plugins.dashboard.guard import PREFIX, to_login

EXPERT = f"{PREFIX}/expert"
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
            N_("Saturday"), N_("Sunday"))


async def desk(visit: Visit) -> tuple[dict[str, Any] | None, GraphQLResult]:
    """The signed-in user's expert desk (None without an expert profile)."""
    result = await visit.graphql("ExpertDesk")
    return result.data.get("myExpert"), result


def need_profile(visit: Visit, result: GraphQLResult) -> Response:
    """Where a visitor without an expert profile goes."""
    if result.unauthenticated:
        return to_login(visit)
    return visit.redirect(EXPERT)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_to_utc(value: str, time_zone: str) -> str | None:
    """A ``datetime-local`` value (wall-clock time in ``time_zone``) as ISO 8601 UTC."""
    try:
        naive = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if naive.tzinfo is not None:
        return None
    return naive.replace(tzinfo=zone(time_zone)).astimezone(ZoneInfo("UTC")).isoformat()


def local_time(value: str, time_zone: str) -> str:
    """An API datetime shown as ``YYYY-MM-DD HH:MM`` in ``time_zone``."""
    moment = datetime.fromisoformat(value).astimezone(zone(time_zone))
    return moment.strftime("%Y-%m-%d %H:%M")


def refused(result: GraphQLResult, payload: dict[str, Any]) -> bool:
    """Not the visitor's (another expert's session, mentorship or request): a 404 page."""
    codes = result.codes | {str(e.get("code")) for e in payload.get("errors") or []}
    return bool(codes & {"NOT_FOUND", "PERMISSION_DENIED", "INVALID_ID"})
