"""Labels for the jobs pages' codes (contract types, levels, availability, work permit) and
the page language's pick of a translated text (``{"es": ..., "pt": ..., "en": ...}``)."""

from __future__ import annotations

from typing import Any

from babel import Locale

from engine.plugins.api import Visit
from plugins.storefront.forms import N_

CONTRACTS = {"PERMANENT": N_("Permanent"), "FIXED_TERM": N_("Fixed term"),
             "SEASONAL": N_("Seasonal"), "INTERNSHIP": N_("Internship"),
             "FREELANCE": N_("Freelance")}
AVAILABILITY = {"IMMEDIATE": N_("Now"), "WITHIN_MONTH": N_("Within a month"),
                "LATER": N_("Later")}
PERMITS = {"YES": N_("Yes"), "IN_PROGRESS": N_("In progress"), "NO": N_("No")}
STATUSES = {"RECEIVED": N_("Received"), "SHORTLISTED": N_("Shortlisted"),
            "INTERVIEW": N_("Interview"), "OFFERED": N_("Offered"), "HIRED": N_("Hired"),
            "DECLINED": N_("Declined"), "WITHDRAWN": N_("Withdrawn")}
#: Statuses after which a candidate can no longer withdraw.
FINAL = {"HIRED", "DECLINED", "WITHDRAWN"}
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2", "NATIVE")
#: Languages a profile offers a level for (names come from Babel in the page's language).
LANGUAGES = ("ES", "PT", "EN", "FR", "AR", "RO", "UK", "DE", "IT", "ZH", "WO", "RU")
#: The languages of job texts, applications and announcements (the jobs API's seven).
TEXT_LANGUAGES = ("ES", "PT", "EN", "FR", "AR", "RO", "UK")


def pick(visit: Visit, texts: dict[str, Any] | None) -> str:
    """The page's language, else English, else any translation."""
    texts = texts or {}
    for code in (visit.lang, "en", "es", "pt"):
        if texts.get(code):
            return str(texts[code])
    return ""


def language_names(visit: Visit) -> dict[str, str]:
    names = Locale.parse(visit.format.locale).languages
    return {code: names.get(code.lower(), code) for code in LANGUAGES}


def labels(visit: Visit) -> dict[str, Any]:
    """Values every jobs template uses."""
    def tr(table: dict[str, str]) -> dict[str, str]:
        return {code: visit.gettext(text) for code, text in table.items()}
    return {"contracts": tr(CONTRACTS), "availability": tr(AVAILABILITY),
            "permits": tr(PERMITS), "statuses": tr(STATUSES), "levels": LEVELS,
            "language_names": language_names(visit), "pick": lambda t: pick(visit, t)}


def application_language(visit: Visit) -> str:
    code = visit.lang.upper()
    return code if code in TEXT_LANGUAGES else "EN"
