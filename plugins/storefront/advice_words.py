"""The advice pages' words for the API's codes: kinds of expert, booking statuses, score
criteria and the reasons of a match score (``ScorePart.reason`` with its values), in the
page's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel import Locale

from engine.plugins.api import Visit
from plugins.storefront.forms import N_
from plugins.storefront.layout import isolate

KINDS = {
    "MENTOR": N_("Mentor"),
    "LEGAL": N_("Legal adviser"),
    "MEDIATOR": N_("Mediator"),
    "SOCIAL_MEDIATOR": N_("Social mediator"),
    "LOCAL_DEVELOPMENT": N_("Local development agent"),
    "ADMINISTRATIVE": N_("Paperwork adviser"),
    "FUNDING": N_("Funding adviser"),
}
CRITERIA = {
    "EXPERTISE": N_("Topics"),
    "LANGUAGE": N_("Language"),
    "LEGAL_SYSTEM": N_("Legal system"),
    "AVAILABILITY": N_("Free time"),
    "CAPACITY": N_("Places for mentees"),
    "RATING": N_("Rating"),
}

BOOKING_STATUSES = {
    "CONFIRMED": N_("Confirmed"),
    "WAITLISTED": N_("On the waiting list"),
    "OFFERED": N_("A seat is free for you: pay to confirm it"),
    "CANCELLED_BY_ATTENDEE": N_("Cancelled"),
    "CANCELLED_BY_EXPERT": N_("Cancelled by the expert"),
}


def booking_statuses(visit: Visit) -> dict[str, str]:
    return {code: visit.gettext(text) for code, text in BOOKING_STATUSES.items()}


def kind_names(visit: Visit) -> dict[str, str]:
    return {code: visit.gettext(text) for code, text in KINDS.items()}


def _names(codes: str, names: Mapping[str, str]) -> str:
    return ", ".join(isolate(names.get(code.strip(), code.strip()))
                     for code in codes.split(",") if code.strip())


def reason_text(visit: Visit, part: Mapping[str, Any], topics: Mapping[str, str]) -> str:
    """One score line's reason in the page's language (the API's English ``detail`` when
    the code or its values are not what this page knows)."""
    values = {item["name"]: item["value"] for item in part.get("values") or []}
    try:
        worded = _worded(visit, str(part.get("reason") or ""), values, topics)
    except (KeyError, ValueError):
        worded = None
    return worded if worded is not None else str(part.get("detail") or "")


def _worded(visit: Visit, reason: str, values: dict[str, str],
            topics: Mapping[str, str]) -> str | None:
    locale = Locale.parse(visit.format.locale)
    languages = {code.upper(): name for code, name in locale.languages.items()}
    number = visit.format.number
    match reason:
        case "TOPICS" if values["needed"] == "0":
            return visit.gettext("You did not choose a topic")
        case "TOPICS":
            return visit.ngettext("%(matched)s of %(num)d topic you need: %(topics)s",
                                  "%(matched)s of %(num)d topics you need: %(topics)s",
                                  int(values["needed"]), matched=number(values["matched"]),
                                  topics=_names(values["topics"], topics) or "-")
        case "SPEAKS":
            return visit.gettext("Speaks %(languages)s",
                                 languages=_names(values["languages"], languages))
        case "SPEAKS_NONE":
            return visit.gettext("Speaks none of the languages you asked for")
        case "COVERS":
            return visit.gettext("Knows the law of %(countries)s",
                                 countries=_names(values["systems"], locale.territories))
        case "COVERS_NONE":
            return visit.gettext("Knows no country's law")
        case "FREE_HOURS":
            return visit.ngettext("%(hours)s free hours in the next %(num)d day",
                                  "%(hours)s free hours in the next %(num)d days",
                                  int(values["days"]), hours=number(values["hours"]))
        case "PLACES_FREE":
            return visit.ngettext("%(free)s of %(num)d free", "%(free)s of %(num)d free",
                                  int(values["capacity"]), free=number(values["free"]))
        case "RATED":
            return visit.ngettext("%(average)s out of 5 from %(num)d rating",
                                  "%(average)s out of 5 from %(num)d ratings",
                                  int(values["ratings"]), average=number(values["average"]))
        case "NOT_RATED":
            return visit.gettext("No ratings yet")
    return None


def explained(visit: Visit, matches: list[dict[str, Any]] | None,
              topics: Mapping[str, str]) -> list[dict[str, Any]] | None:
    """The matches with each score line's criterion and reason in the page's language."""
    if matches is None:
        return None
    return [{**match, "breakdown": [
        {**part, "label": visit.gettext(CRITERIA.get(part["criterion"], part["criterion"])),
         "text": reason_text(visit, part, topics)}
        for part in match["breakdown"]]} for match in matches]
