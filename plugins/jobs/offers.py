"""Job offers: vendors write them; only approved vendors publish; draft -> published ->
closed or filled.

Salary: Directive (EU) 2023/970 (pay transparency, to be transposed by 7 June 2026) makes
employers in the EU give candidates the starting pay or its range; Ruta shows it on the
offer. So an offer placed in Spain or Portugal is published only with a salary range
(``SALARY_REQUIRED``); elsewhere, and for remote offers without a country rule, the range is
optional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import (
    NotFound,
    PermissionDenied,
    Runtime,
    ValidationError,
    clean_text,
    utcnow,
    vendor_facts,
)
from plugins.jobs import skills
from plugins.jobs.access import Viewer, signed_in
from plugins.jobs.models import JobOffer
from plugins.jobs.texts import fold, language_codes, translations

CONTRACT_TYPES = ("PERMANENT", "FIXED_TERM", "SEASONAL", "INTERNSHIP", "FREELANCE")
SALARY_DISCLOSED_IN = ("ES", "PT")
TRANSITIONS = {"DRAFT": ("PUBLISHED",), "PUBLISHED": ("CLOSED", "FILLED"),
               "CLOSED": ("PUBLISHED",), "FILLED": ()}


@dataclass(frozen=True)
class OfferData:
    title: dict[str, str]
    description: dict[str, str]
    country: str
    postal_code: str | None
    remote: bool
    contract_type: str
    hours_per_week: int
    salary_min_cents: int | None
    salary_max_cents: int | None
    languages: list[str]
    skills: list[str]
    starts_on: date | None
    closes_on: date
    positions: int


async def _check(session: AsyncSession, data: OfferData) -> OfferData:
    title = translations("title", data.title, max_length=120)
    description = translations("description", data.description, max_length=8000,
                               multiline=True)
    postal = clean_text(data.postal_code, field="postalCode", max_length=16, required=False)
    if not data.remote and not postal:
        raise ValidationError("postalCode", "REQUIRED", "Give a postal code or mark the offer "
                              "remote.")
    if data.contract_type not in CONTRACT_TYPES:
        raise ValidationError("contractType", "INVALID", "Unknown contract type.")
    if not 1 <= data.hours_per_week <= 60:
        raise ValidationError("hoursPerWeek", "INVALID", "Hours per week must be 1 to 60.")
    if not 1 <= data.positions <= 500:
        raise ValidationError("positions", "INVALID", "Positions must be 1 to 500.")
    low, high = data.salary_min_cents, data.salary_max_cents
    if (low is None) != (high is None) or (low is not None and high is not None
                                           and not 0 < low <= high):
        raise ValidationError("salaryMin", "INVALID", "Give both ends of the salary range, "
                              "the lower first.")
    return OfferData(title, description, data.country.upper()[:2], postal, data.remote,
                     data.contract_type, data.hours_per_week, low, high,
                     language_codes("languages", data.languages),
                     await skills.known(session, data.skills), data.starts_on, data.closes_on,
                     data.positions)


def _apply(offer: JobOffer, data: OfferData) -> None:
    for name in ("title", "description", "country", "postal_code", "remote", "contract_type",
                 "hours_per_week", "salary_min_cents", "salary_max_cents", "languages",
                 "skills", "starts_on", "closes_on", "positions"):
        setattr(offer, name, getattr(data, name))
    offer.search_key = fold(" ".join([*data.title.values(), *data.description.values()]))
    offer.filter_key = "|" + "".join(
        [f"lang:{c}|" for c in data.languages] + [f"skill:{c}|" for c in data.skills])


async def managed(session: AsyncSession, viewer: Viewer | None, offer_id: int) -> JobOffer:
    viewer = signed_in(viewer)
    offer = await session.get(JobOffer, offer_id)
    if offer is None:
        raise NotFound("offerId", "No such job offer.")
    if not viewer.is_operator and not viewer.employs(offer.vendor_id, offer.partner_id):
        raise PermissionDenied("You do not manage this job offer.")
    return offer


async def create(runtime: Runtime, viewer: Viewer | None, data: OfferData) -> JobOffer:
    viewer = signed_in(viewer)
    if viewer.vendor_id is None and viewer.partner_id is None:
        raise PermissionDenied("Only vendors and partner organisations post job offers.")
    async with runtime.transaction() as session:
        offer = JobOffer(vendor_id=viewer.vendor_id,
                         partner_id=None if viewer.vendor_id else viewer.partner_id,
                         status="DRAFT")
        _apply(offer, await _check(session, data))
        session.add(offer)
        await session.flush()
        return offer


async def update(runtime: Runtime, viewer: Viewer | None, offer_id: int,
                 data: OfferData) -> JobOffer:
    async with runtime.transaction() as session:
        offer = await managed(session, viewer, offer_id)
        _apply(offer, await _check(session, data))
        await session.flush()
        return offer


async def transition(runtime: Runtime, viewer: Viewer | None, offer_id: int,
                     status: str) -> JobOffer:
    async with runtime.transaction() as session:
        offer = await managed(session, viewer, offer_id)
        if status not in TRANSITIONS.get(offer.status, ()):
            raise ValidationError("status", "INVALID_TRANSITION",
                                  f"A {offer.status} offer cannot become {status}.")
        if status == "PUBLISHED" and offer.vendor_id is not None:
            vendor = await vendor_facts(session, offer.vendor_id)
            if vendor is None or vendor.status != "APPROVED":
                raise ValidationError("offerId", "VENDOR_NOT_APPROVED",
                                      "Only approved vendors publish job offers.")
        if status == "PUBLISHED":
            if offer.closes_on < utcnow().date():
                raise ValidationError("closesOn", "INVALID_DATE",
                                      "The closing date has passed.")
            if offer.country in SALARY_DISCLOSED_IN and offer.salary_min_cents is None:
                raise ValidationError("salaryMin", "SALARY_REQUIRED",
                                      "Offers in Spain and Portugal must show the pay range.")
        if status == "PUBLISHED":
            offer.published_at = utcnow()
        offer.status = status
        await session.flush()
        return offer
