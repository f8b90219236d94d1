"""GraphQL inputs of the jobs plugin and their translation to service data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

import strawberry

from engine.plugins.api import ValidationError
from plugins.jobs.announcements import Segment
from plugins.jobs.offer_list import OfferFilter
from plugins.jobs.offers import OfferData
from plugins.jobs.profiles import ProfileData
from plugins.jobs.texts import LANGUAGES


@strawberry.input(name="JobTranslatedTextInput",
                  description="A text in any of the seven languages (at least one).")
class TranslatedTextInput:
    es: str | None = None
    pt: str | None = None
    en: str | None = None
    fr: str | None = None
    ar: str | None = None
    ro: str | None = None
    uk: str | None = None


def texts(value: TranslatedTextInput | None) -> dict[str, str]:
    if value is None:
        return {}
    given = ((code, getattr(value, code.lower())) for code in LANGUAGES)
    return {code: text for code, text in given if text}


def cents(value: Decimal | None, field: str) -> int | None:
    if value is None:
        return None
    try:
        amount = (value * 100).to_integral_exact()
    except InvalidOperation:
        raise ValidationError(field, "INVALID", "Use at most two decimals.") from None
    if amount != value * 100 or amount < 0 or amount > 10**11:
        raise ValidationError(field, "INVALID", "Use at most two decimals.")
    return int(amount)


@strawberry.input
class JobOfferInput:
    title: TranslatedTextInput
    description: TranslatedTextInput
    country: str
    postal_code: str | None = None
    remote: bool = False
    contract_type: str = "PERMANENT"
    hours_per_week: int = 40
    salary_min: Decimal | None = strawberry.field(default=None,
                                                  description="Gross per year, EUR.")
    salary_max: Decimal | None = None
    languages: list[str] = strawberry.field(default_factory=list)
    skills: list[str] = strawberry.field(default_factory=list)
    starts_on: date | None = None
    closes_on: date = strawberry.field(description="Last day applications are taken.")
    positions: int = 1

    def data(self) -> OfferData:
        return OfferData(texts(self.title), texts(self.description), self.country,
                         self.postal_code, self.remote, self.contract_type,
                         self.hours_per_week, cents(self.salary_min, "salaryMin"),
                         cents(self.salary_max, "salaryMax"), self.languages, self.skills,
                         self.starts_on, self.closes_on, self.positions)


@strawberry.input
class JobOfferFilter:
    search: str | None = None
    near: str | None = strawberry.field(default=None, description="A postal code: offers "
                                        "sharing its first two characters, and remote ones.")
    contract_type: str | None = None
    languages: list[str] = strawberry.field(default_factory=list)
    skills: list[str] = strawberry.field(default_factory=list)

    def data(self) -> OfferFilter:
        if len(self.languages) > 10 or len(self.skills) > 10:
            raise ValidationError("filter", "INVALID", "Filter on at most 10 of each.")
        return OfferFilter(self.search, self.near, self.contract_type, self.languages,
                           self.skills)


@strawberry.input
class LanguageLevelInput:
    code: str
    level: str = strawberry.field(description="A1..C2 or NATIVE.")


@strawberry.input
class CandidateProfileInput:
    display_name: str
    languages: list[LanguageLevelInput] = strawberry.field(default_factory=list)
    skills: list[str] = strawberry.field(default_factory=list)
    experience: str = ""
    postal_code: str | None = None
    availability: str = "IMMEDIATE"
    work_permit: str = "IN_PROGRESS"
    share_credentials: bool = strawberry.field(default=False, description=(
        "Show certificates earned on Ruta on the profile (the person only)."))

    def data(self) -> ProfileData:
        if len(self.languages) > 20:
            raise ValidationError("languages", "INVALID", "Name at most 20 languages.")
        return ProfileData(self.display_name, [(x.code, x.level) for x in self.languages],
                           self.skills, self.experience, self.postal_code, self.availability,
                           self.work_permit, self.share_credentials)


@strawberry.input
class SegmentInput:
    language: str | None = None
    region: str | None = None
    partner: str | None = None
    stage: str | None = None

    def data(self) -> Segment:
        return Segment(self.language, self.region, self.partner, self.stage)
