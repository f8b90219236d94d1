"""GraphQL types of events, registrations (with their tickets) and check-ins."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Self

import strawberry

from engine.plugins.api import VariantFacts, encode_id
from plugins.programme import tickets
from plugins.programme.checkin import Scan
from plugins.programme.errors import ProgrammeError
from plugins.programme.event_models import CheckinList, Event, EventSession, Registration


@strawberry.type(name="ProgrammeEventSession")
class EventSessionType:
    id: strawberry.ID
    starts_at: datetime
    ends_at: datetime
    access_point_id: strawberry.ID | None
    online: bool

    @classmethod
    def of(cls, s: EventSession) -> Self:
        return cls(id=encode_id("ProgrammeEventSession", s.id), starts_at=s.starts_at,
                   ends_at=s.ends_at, online=s.online_url is not None,
                   access_point_id=(encode_id("AccessPoint", s.access_point_id)
                                    if s.access_point_id else None))


@strawberry.type(name="ProgrammeEventQuestion")
class EventQuestionType:
    key: str
    label: str
    required: bool


@strawberry.type(name="ProgrammeEvent")
class EventType:
    id: strawberry.ID
    partner_id: strawberry.ID
    title: str
    description: str
    capacity: int
    confirmed: int
    seats_left: int
    starts_at: datetime
    sessions: list[EventSessionType]
    questions: list[EventQuestionType] = strawberry.field(
        description="What each attendee is asked when registering.")
    variant_id: strawberry.ID | None = strawberry.field(description=(
        "A paid event: the ProductVariant to add to a checkout (ordering it registers the "
        "buyer when the order is paid); null for a free event (programmeEventRegister)."))
    price: Decimal | None = strawberry.field(description="The ticket's price (EUR, tax "
                                                          "included); null when free.")

    @classmethod
    def of(cls, e: Event, sessions: list[EventSession], seats: VariantFacts | None = None
           ) -> Self:
        left = e.capacity - e.confirmed
        if seats is not None:  # the core counts a paid event's seats (held ones too)
            left = max(0, min(left, (seats.capacity or 0) - seats.seats_taken))
        return cls(id=encode_id("ProgrammeEvent", e.id), title=e.title,
                   variant_id=encode_id("ProductVariant", e.variant_id) if e.variant_id else None,
                   price=seats.price if seats is not None else None,
                   partner_id=encode_id("Partner", e.partner_id),
                   questions=[EventQuestionType(key=q["key"], label=q["label"],
                                                required=bool(q.get("required")))
                              for q in e.questions],
                   description=e.description, capacity=e.capacity, confirmed=e.confirmed,
                   seats_left=left, starts_at=e.starts_at,
                   sessions=[EventSessionType.of(s) for s in sessions])


@strawberry.type(name="ProgrammeTicket", description="A signed ticket: show the QR code at "
                 "the door; devices verify the secret offline with programmeTicketKey.")
class TicketType:
    secret: str
    qr_svg: str = strawberry.field(description="The QR code as an SVG data URI.")
    code: str = strawberry.field(description="A short door code to type when the QR "
                                             "cannot be scanned (checked online).")


@strawberry.type(name="ProgrammeRegistration")
class RegistrationType:
    id: strawberry.ID
    event_id: strawberry.ID
    name: str
    status: str = strawberry.field(description="CONFIRMED, WAITLISTED or CANCELLED.")
    waitlist_position: int | None
    ticket: TicketType | None = strawberry.field(description="Only while CONFIRMED.")

    @classmethod
    def of(cls, r: Registration, secret_key: str, position: int | None = None) -> Self:
        ticket = None
        if r.status == "CONFIRMED":
            secret = tickets.sign(secret_key, r.id, r.event_id)
            ticket = TicketType(secret=secret, qr_svg=tickets.qr_svg_data_uri(secret),
                                code=tickets.door_code(secret_key, r.id))
        return cls(id=encode_id("ProgrammeRegistration", r.id), name=r.name, status=r.status,
                   event_id=encode_id("ProgrammeEvent", r.event_id),
                   waitlist_position=position, ticket=ticket)


@strawberry.type(name="CheckinList")
class CheckinListType:
    id: strawberry.ID
    name: str
    allow_exit: bool

    @classmethod
    def of(cls, c: CheckinList) -> Self:
        return cls(id=encode_id("CheckinList", c.id), name=c.name, allow_exit=c.allow_exit)


@strawberry.type(name="CheckinResult")
class CheckinResultType:
    ok: bool
    reason: str | None = strawberry.field(description="Why refused: INVALID_SIGNATURE, "
        "UNKNOWN_TICKET, WRONG_EVENT, REVOKED, ALREADY_CHECKED_IN, NOT_INSIDE, "
        "EXIT_NOT_ALLOWED.")
    direction: str
    registration_id: strawberry.ID | None
    errors: list[ProgrammeError] = strawberry.field(
        default_factory=list, description="Bad input (e.g. the nonce); the scan is not made.")

    @classmethod
    def of(cls, scan: Scan) -> Self:
        return cls(ok=scan.ok, reason=scan.reason, direction=scan.direction,
                   registration_id=(encode_id("ProgrammeRegistration", scan.registration_id)
                                    if scan.registration_id else None))


@strawberry.type(name="CheckinListStatus")
class CheckinListStatusType:
    inside: int
    checked_in: int
