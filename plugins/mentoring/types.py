"""GraphQL object types of the mentoring plugin (built from rows with ``of``)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Self

import strawberry

from engine.plugins.api import LanguageCodeEnum, MoneyType, encode_id, money
from plugins.mentoring.enums import BookingStatus, ExpertKind, SessionStatus
from plugins.mentoring.models import Expert, Offering, Session, Tag, Voucher

ExpertKindEnum = strawberry.enum(ExpertKind, name="ExpertKind",
                                 description="What kind of help an expert gives.")
BookingStatusEnum = strawberry.enum(BookingStatus, name="MentoringBookingStatus")
SessionStatusEnum = strawberry.enum(SessionStatus, name="MentoringSessionStatus")


def translated(texts: dict[str, str], language: str | None) -> str:
    for code in (language, "EN", "ES", "PT"):
        if code and texts.get(code):
            return texts[code]
    return ""


@strawberry.type(description="A weekly availability window in the expert's time zone.")
class WeeklyWindow:
    weekday: int = strawberry.field(description="0 = Monday ... 6 = Sunday.")
    start: str
    end: str


@strawberry.type(description="An expertise tag of the managed taxonomy.")
class ExpertiseTag:
    code: str
    label_es: str | None
    label_pt: str | None
    label_en: str | None

    @classmethod
    def of(cls, tag: Tag) -> Self:
        return cls(code=tag.code, label_es=tag.labels.get("ES"),
                   label_pt=tag.labels.get("PT"), label_en=tag.labels.get("EN"))


@strawberry.type(name="Expert", description="A mentor or expert service provider.")
class ExpertType:
    id: strawberry.ID
    kind: ExpertKindEnum  # type: ignore[valid-type]
    display_name: str
    tags: list[str]
    languages: list[str]
    legal_systems: list[str]
    time_zone: str
    capacity: int
    active_mentees: int
    verified: bool
    rating: float | None
    rating_count: int
    vendor_id: strawberry.ID | None
    weekly_plan: list[WeeklyWindow]
    buffer_minutes: int
    min_notice_minutes: int
    model: strawberry.Private[Expert]

    @strawberry.field(description="The bio in the language asked (falls back to EN, ES, PT).")
    def bio(self, language_code: LanguageCodeEnum | None = None) -> str:  # type: ignore[valid-type]
        return translated(self.model.bio, language_code.value if language_code else None)

    @strawberry.field(description="Professional background, translated like ``bio``.")
    def background(self, language_code: LanguageCodeEnum | None = None  # type: ignore[valid-type]
                   ) -> str:
        return translated(self.model.background,
                          language_code.value if language_code else None)

    @classmethod
    def of(cls, expert: Expert) -> Self:
        return cls(
            id=encode_id("Expert", expert.id), kind=ExpertKind(expert.kind),
            display_name=expert.display_name, tags=list(expert.tags),
            languages=list(expert.languages), legal_systems=list(expert.legal_systems),
            time_zone=expert.time_zone, capacity=expert.capacity,
            active_mentees=expert.active_mentees, verified=expert.verified,
            rating=round(expert.rating_sum / expert.rating_count, 2)
            if expert.rating_count else None, rating_count=expert.rating_count,
            vendor_id=encode_id("Vendor", expert.vendor_id) if expert.vendor_id else None,
            weekly_plan=[WeeklyWindow(weekday=int(r["weekday"]), start=r["start"], end=r["end"])
                         for r in expert.weekly_plan],
            buffer_minutes=expert.buffer_minutes, min_notice_minutes=expert.min_notice_minutes,
            model=expert)


@strawberry.type(description="A session type an expert offers.")
class MentoringOffering:
    id: strawberry.ID
    expert_id: strawberry.ID
    title: str
    is_group: bool
    seats: int
    duration_minutes: int
    price: MoneyType
    is_free: bool
    is_online: bool
    address: str | None
    free_cancel_hours: int
    cancel_fee_percent: int

    @classmethod
    def of(cls, offering: Offering) -> Self:
        return cls(id=encode_id("MentoringOffering", offering.id),
                   expert_id=encode_id("Expert", offering.expert_id), title=offering.title,
                   is_group=offering.is_group, seats=offering.seats,
                   duration_minutes=offering.duration_minutes, price=money(offering.price),
                   is_free=offering.price == Decimal("0"), is_online=offering.is_online,
                   address=offering.address, free_cancel_hours=offering.free_cancel_hours,
                   cancel_fee_percent=offering.cancel_fee_percent)


@strawberry.type(description="One dated session of an offering.")
class MentoringSession:
    id: strawberry.ID
    offering_id: strawberry.ID
    starts_at: datetime
    ends_at: datetime
    seats: int
    seats_taken: int
    status: SessionStatusEnum  # type: ignore[valid-type]
    variant_id: strawberry.ID | None = strawberry.field(
        description="The linked core bookable variant (paid sessions are bought through it).")

    @classmethod
    def of(cls, row: Session) -> Self:
        return cls(id=encode_id("MentoringSession", row.id),
                   offering_id=encode_id("MentoringOffering", row.offering_id),
                   starts_at=row.starts_at, ends_at=row.ends_at, seats=row.seats,
                   seats_taken=row.seats_taken, status=SessionStatus(row.status),
                   variant_id=encode_id("ProductVariant", row.variant_id)
                   if row.variant_id else None)


@strawberry.type(description="A free slot, in the time zone asked for.")
class ExpertSlot:
    starts_at: datetime
    ends_at: datetime


@strawberry.type(description="A session voucher earned by completing a course.")
class MentoringVoucher:
    id: strawberry.ID
    topics: list[str]
    discount_percent: int
    redeemed: bool

    @classmethod
    def of(cls, voucher: Voucher) -> Self:
        return cls(id=encode_id("MentoringVoucher", voucher.id), topics=list(voucher.topics),
                   discount_percent=voucher.discount_percent,
                   redeemed=voucher.redeemed_booking_id is not None)
