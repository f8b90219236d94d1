"""GraphQL types of the network: partners, access points, participants, impact rows."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Self

import strawberry

from engine.plugins.api import encode_id, utcnow
from plugins.programme.errors import ProgrammeError
from plugins.programme.geo import is_open
from plugins.programme.impact import COUNTS, SUMS, ImpactRow
from plugins.programme.models import AccessPoint, Participant, Partner


@strawberry.type(name="ProgrammePartner")
class PartnerType:
    id: strawberry.ID
    name: str
    kind: str
    country: str
    region: str
    contact_email: str
    logo_url: str

    @classmethod
    def of(cls, p: Partner) -> Self:
        return cls(id=encode_id("Partner", p.id), name=p.name, kind=p.kind, country=p.country,
                   region=p.region, contact_email=p.contact_email, logo_url=p.logo_url)


@strawberry.type(name="OpeningSpan")
class OpeningSpanType:
    weekday: int = strawberry.field(description="ISO weekday, 1 = Monday.")
    opens: str
    closes: str


@strawberry.type(name="AccessPoint")
class AccessPointType:
    id: strawberry.ID
    partner_id: strawberry.ID
    name: str
    address: str
    town: str
    country: str
    postal_code: str
    latitude: float
    longitude: float
    time_zone: str
    hours: list[OpeningSpanType] = strawberry.field(description="In local time (timeZone).")
    services: list[str]
    languages: list[str]
    distance_km: float | None
    _hours: strawberry.Private[dict[str, list[list[str]]]]

    @strawberry.field(description="Whether it is open at that instant (default: now), "
                                  "reading the hours in the point's own time zone.")
    def open_at(self, at: datetime | None = None) -> bool:
        return is_open(self._hours, self.time_zone, at or utcnow())

    @classmethod
    def of(cls, p: AccessPoint, distance: float | None) -> Self:
        spans = [OpeningSpanType(weekday=int(day), opens=a, closes=b)
                 for day, pairs in sorted(p.hours.items()) for a, b in pairs]
        return cls(id=encode_id("AccessPoint", p.id), partner_id=encode_id("Partner", p.partner_id),
                   name=p.name, address=p.address, town=p.town, country=p.country,
                   postal_code=p.postal_code, latitude=p.latitude, longitude=p.longitude,
                   time_zone=p.time_zone, hours=spans, services=list(p.services),
                   languages=list(p.languages), _hours=dict(p.hours),
                   distance_km=round(distance, 2) if distance is not None else None)


@strawberry.type(name="ProgrammeParticipant", description="An assisted participant (the "
                 "self-declared origin region is never shown, only counted in impact).")
class ParticipantType:
    id: strawberry.ID
    partner_id: strawberry.ID
    user_id: strawberry.ID
    language: str
    consent_journey: bool
    registered_at: datetime
    email: str = strawberry.field(description="The participant's account e-mail (shown to "
                                              "their partner's staff and operators).")

    @classmethod
    def of(cls, p: Participant, email: str = "") -> Self:
        return cls(id=encode_id("ProgrammeParticipant", p.id),
                   partner_id=encode_id("Partner", p.partner_id),
                   user_id=encode_id("User", p.user_id), language=p.language,
                   consent_journey=p.consent_journey, registered_at=p.registered_at,
                   email=email)


@strawberry.type(name="JourneyStep")
class JourneyStepType:
    kind: str
    at: datetime
    label: str


@strawberry.type(name="ImpactFigure")
class ImpactFigureType:
    name: str
    value: Decimal | None = strawberry.field(
        description="None when suppressed (fewer than 5 people behind it).")


@strawberry.type(name="ImpactRow")
class ImpactRowType:
    group: str
    figures: list[ImpactFigureType]

    @classmethod
    def of(cls, row: ImpactRow) -> Self:
        return cls(group=row.group, figures=[ImpactFigureType(name=n, value=row.figures[n])
                                             for n in COUNTS + SUMS])


@strawberry.type(name="JobsDeclaration")
class JobsDeclarationType:
    as_of: date
    direct: int
    indirect: int


@strawberry.type
class JobsDeclarationPayload:
    declaration: JobsDeclarationType | None = None
    errors: list[ProgrammeError] = strawberry.field(default_factory=list)
