"""GraphQL types of the jobs plugin (offers, profiles, applications, hires, announcements)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Self

import strawberry

from engine.plugins.api import encode_id
from plugins.jobs.announcement_models import Announcement, OptIn
from plugins.jobs.application_models import Application, ApplicationChange, Hire
from plugins.jobs.matching import Match
from plugins.jobs.models import CandidateProfile, JobOffer, ProfileGrant, Skill
from plugins.jobs.texts import LANGUAGES, in_language


@strawberry.type(name="JobTranslatedText",
                 description="A text in each language it was written in (null: not given).")
class TranslatedText:
    es: str | None
    pt: str | None
    en: str | None
    fr: str | None
    ar: str | None
    ro: str | None
    uk: str | None

    @classmethod
    def of(cls, texts: dict[str, str]) -> Self:
        return cls(**{code.lower(): texts.get(code) for code in LANGUAGES})


@strawberry.type(description="A skill of the managed taxonomy.")
class JobSkill:
    code: str
    labels: TranslatedText

    @classmethod
    def of(cls, skill: Skill) -> Self:
        return cls(code=skill.code, labels=TranslatedText.of(skill.labels))


@strawberry.type(description="The pay range (gross per year, EUR).")
class SalaryRange:
    min: Decimal
    max: Decimal
    currency: str = "EUR"


@strawberry.type(name="JobOffer")
class JobOfferType:
    id: strawberry.ID
    vendor_id: strawberry.ID | None = strawberry.field(description="The employer when a "
                                                       "vendor (else partnerId).")
    partner_id: strawberry.ID | None = strawberry.field(description="The employer when a "
                                                        "programme partner organisation.")
    title: str
    description: str
    titles: TranslatedText
    descriptions: TranslatedText = strawberry.field(
        description="The description in every language it was written in (``description`` "
                    "is the signed-in user's language, else English).")
    country: str
    postal_code: str | None
    remote: bool
    contract_type: str
    hours_per_week: int
    salary: SalaryRange | None
    languages: list[str]
    skills: list[str]
    starts_on: date | None
    closes_on: date
    positions: int
    status: str
    published_at: datetime | None = strawberry.field(
        description="When it was last published (null while a draft).")

    @classmethod
    def of(cls, offer: JobOffer, language: str | None = None) -> Self:
        salary = None
        if offer.salary_min_cents is not None and offer.salary_max_cents is not None:
            salary = SalaryRange(min=Decimal(offer.salary_min_cents) / 100,
                                 max=Decimal(offer.salary_max_cents) / 100)
        return cls(id=strawberry.ID(encode_id("JobOffer", offer.id)),
                   vendor_id=strawberry.ID(encode_id("Vendor", offer.vendor_id))
                   if offer.vendor_id else None,
                   partner_id=strawberry.ID(encode_id("Partner", offer.partner_id))
                   if offer.partner_id else None,
                   title=in_language(offer.title, language),
                   description=in_language(offer.description, language),
                   titles=TranslatedText.of(offer.title),
                   descriptions=TranslatedText.of(offer.description), country=offer.country,
                   postal_code=offer.postal_code, remote=offer.remote,
                   contract_type=offer.contract_type, hours_per_week=offer.hours_per_week,
                   salary=salary, languages=list(offer.languages), skills=list(offer.skills),
                   starts_on=offer.starts_on, closes_on=offer.closes_on,
                   positions=offer.positions, status=offer.status,
                   published_at=offer.published_at)


@strawberry.type(name="JobLanguageLevel")
class LanguageLevel:
    code: str
    level: str


@strawberry.type(name="CandidateProfile")
class CandidateProfileType:
    id: strawberry.ID
    display_name: str
    languages: list[LanguageLevel]
    skills: list[str]
    experience: str
    postal_code: str | None
    availability: str
    work_permit: str = strawberry.field(description="Self-declared: YES, NO or IN_PROGRESS.")
    share_credentials: bool
    has_cv: bool
    pk: strawberry.Private[int]
    user_id: strawberry.Private[int]

    @classmethod
    def of(cls, p: CandidateProfile) -> Self:
        return cls(id=strawberry.ID(encode_id("CandidateProfile", p.id)),
                   display_name=p.display_name,
                   languages=[LanguageLevel(code=x["code"], level=x["level"])
                              for x in p.languages],
                   skills=list(p.skills), experience=p.experience, postal_code=p.postal_code,
                   availability=p.availability, work_permit=p.work_permit,
                   share_credentials=p.share_credentials, has_cv=bool(p.cv_key), pk=p.id,
                   user_id=p.user_id)


@strawberry.type(description="A person's consent that a staff user edit their profile.")
class ProfileConsent:
    id: strawberry.ID
    staff_user_id: strawberry.ID
    granted_at: datetime
    withdrawn_at: datetime | None

    @classmethod
    def of(cls, g: ProfileGrant) -> Self:
        return cls(id=strawberry.ID(encode_id("ProfileConsent", g.id)),
                   staff_user_id=strawberry.ID(encode_id("User", g.staff_user_id)),
                   granted_at=g.granted_at, withdrawn_at=g.withdrawn_at)


@strawberry.type
class ApplicationStatusChange:
    from_status: str | None
    to_status: str
    message: str
    at: datetime

    @classmethod
    def of(cls, c: ApplicationChange) -> Self:
        return cls(from_status=c.from_status, to_status=c.to_status, message=c.message, at=c.at)


@strawberry.type(name="JobApplication")
class JobApplicationType:
    id: strawberry.ID
    offer_id: strawberry.ID
    status: str
    message: str
    language: str
    created_at: datetime
    candidate: CandidateProfileType | None
    history: list[ApplicationStatusChange]
    offer_titles: TranslatedText | None = strawberry.field(
        default=None, description="The offer's title, whatever its status now (a candidate "
                                  "sees it after the offer closed or filled).")

    @classmethod
    def of(cls, a: Application, candidate: CandidateProfile | None = None,
           history: list[ApplicationChange] | None = None,
           offer: JobOffer | None = None) -> Self:
        return cls(id=strawberry.ID(encode_id("JobApplication", a.id)),
                   offer_id=strawberry.ID(encode_id("JobOffer", a.offer_id)), status=a.status,
                   message=a.message, language=a.language, created_at=a.created_at,
                   candidate=CandidateProfileType.of(candidate) if candidate else None,
                   history=[ApplicationStatusChange.of(c) for c in history or []],
                   offer_titles=TranslatedText.of(offer.title) if offer else None)


@strawberry.type
class JobHire:
    application_id: strawberry.ID
    employer_vendor_id: strawberry.ID
    offer_id: strawberry.ID
    hired_at: datetime

    @classmethod
    def of(cls, h: Hire) -> Self:
        return cls(application_id=strawberry.ID(encode_id("JobApplication", h.application_id)),
                   employer_vendor_id=strawberry.ID(encode_id("Vendor", h.vendor_id)),
                   offer_id=strawberry.ID(encode_id("JobOffer", h.offer_id)),
                   hired_at=h.hired_at)


@strawberry.type(description="Hires in a period: jobs created through Ruta.")
class JobsHired:
    count: int
    hires: list[JobHire]


@strawberry.type(description="One criterion of a match score.")
class JobScorePart:
    criterion: str
    points: float
    max_points: int
    detail: str


@strawberry.type
class JobMatch:
    offer: JobOfferType
    profile_id: strawberry.ID
    score: float
    breakdown: list[JobScorePart]

    @classmethod
    def of(cls, m: Match, language: str | None) -> Self:
        return cls(offer=JobOfferType.of(m.offer, language),
                   profile_id=strawberry.ID(encode_id("CandidateProfile", m.profile.id)),
                   score=m.score,
                   breakdown=[JobScorePart(criterion=p.criterion, points=p.points,
                                           max_points=p.max_points, detail=p.detail)
                              for p in m.parts])


@strawberry.type(name="AnnouncementOptIn")
class OptInType:
    subscribed: bool
    language: str
    region: str | None
    partner: str | None
    stage: str | None

    @classmethod
    def of(cls, o: OptIn) -> Self:
        return cls(subscribed=o.subscribed, language=o.language, region=o.region,
                   partner=o.partner, stage=o.stage)


@strawberry.type(name="Announcement")
class AnnouncementType:
    id: strawberry.ID
    kind: str
    subject: TranslatedText
    status: str
    recipients: int
    sent_at: datetime | None

    @classmethod
    def of(cls, a: Announcement) -> Self:
        return cls(id=strawberry.ID(encode_id("Announcement", a.id)), kind=a.kind,
                   subject=TranslatedText.of(a.subject), status=a.status,
                   recipients=a.recipients, sent_at=a.sent_at)
