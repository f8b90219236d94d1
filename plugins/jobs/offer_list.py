"""The public list of job offers: published, not past their closing date, filtered.

``search`` is accent- and case-insensitive (folded like ``search_key``); ``near`` is a
postal code: offers whose postal code starts with the same two characters (the province
in Spain, the district area in Portugal) plus remote offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select

from engine.plugins.api import ValidationError
from plugins.jobs.models import JobOffer
from plugins.jobs.texts import fold


@dataclass(frozen=True)
class OfferFilter:
    search: str | None = None
    near: str | None = None
    contract_type: str | None = None
    languages: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def open_offers(today: date) -> Select[Any]:
    return select(JobOffer).where(JobOffer.status == "PUBLISHED", JobOffer.closes_on >= today)


def listing(flt: OfferFilter, today: date) -> Select[Any]:
    query = open_offers(today)
    if flt.search is not None and len(flt.search) > 100:
        raise ValidationError("filter.search", "TOO_LONG", "Search with at most 100 characters.")
    if flt.search and flt.search.strip():
        pattern = f"%{_escape(fold(flt.search.strip()))}%"
        query = query.where(JobOffer.search_key.like(pattern, escape="\\"))
    if flt.near:
        prefix = _escape(flt.near.strip()[:2])
        query = query.where(or_(JobOffer.remote.is_(True),
                                JobOffer.postal_code.like(f"{prefix}%", escape="\\")))
    if flt.contract_type:
        query = query.where(JobOffer.contract_type == flt.contract_type)
    for code in flt.languages:  # every named language and skill must be on the offer
        query = query.where(JobOffer.filter_key.like(f"%|lang:{_escape(code.upper())}|%",
                                                     escape="\\"))
    for code in flt.skills:
        query = query.where(JobOffer.filter_key.like(f"%|skill:{_escape(code.lower())}|%",
                                                     escape="\\"))
    return query
