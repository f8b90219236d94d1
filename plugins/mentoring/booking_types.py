"""GraphQL types for bookings (with their calendar file), mentorships and funding."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from engine.plugins.api import Info, MoneyType, encode_id, money, utcnow
from plugins.mentoring.enums import BookingStatus, FundingStatus, MentorshipStatus, Milestone
from plugins.mentoring.ics import CalendarEntry, render
from plugins.mentoring.loaders import EXPERT_NAMES, expert_name_by_id
from plugins.mentoring.models import Booking, Expert, Offering, Session
from plugins.mentoring.relationship_models import (
    FundingEvent,
    FundingRequest,
    Goal,
    Mentorship,
    SessionNote,
)
from plugins.mentoring.types import BookingStatusEnum, MentoringSession

MentorshipStatusEnum = strawberry.enum(MentorshipStatus, name="MentorshipStatus")
MilestoneEnum = strawberry.enum(Milestone, name="FounderMilestone",
                                description="Steps of the founder's journey.")
FundingStatusEnum = strawberry.enum(FundingStatus, name="FundingRequestStatus")


@strawberry.type(description="An attendee's place in a session.")
class MentoringBooking:
    id: strawberry.ID
    status: BookingStatusEnum  # type: ignore[valid-type]
    price: MoneyType
    fee_charged: MoneyType = strawberry.field(description="Kept under the policy on cancel.")
    refund_amount: MoneyType = strawberry.field(description="Owed back under the policy.")
    sequence: int
    session: MentoringSession
    offering_title: str
    expert_name: str
    rows: strawberry.Private[tuple[Booking, Session, Offering, Expert]]

    @strawberry.field(description="The attendee's iCalendar file (text/calendar) in their "
                                  "language; stable UID, SEQUENCE grows with every change.")
    def ics(self) -> str:
        booking, row, offering, expert = self.rows
        return render(CalendarEntry(
            booking_id=booking.id, title=offering.title, expert_name=expert.display_name,
            starts_at=row.starts_at, ends_at=row.ends_at,
            location=None if offering.is_online else offering.address,
            sequence=booking.sequence,
            cancelled=booking.status.startswith("CANCELLED"),
            language=booking.language, stamp=utcnow()))

    @classmethod
    def of(cls, booking: Booking, row: Session, offering: Offering, expert: Expert) -> Self:
        return cls(id=encode_id("MentoringBooking", booking.id),
                   status=BookingStatus(booking.status), price=money(booking.price),
                   fee_charged=money(booking.fee_charged),
                   refund_amount=money(booking.refund_amount), sequence=booking.sequence,
                   session=MentoringSession.of(row), offering_title=offering.title,
                   expert_name=expert.display_name, rows=(booking, row, offering, expert))


@strawberry.type(description="A private note of a mentorship (only the pair sees it).")
class MentorshipNote:
    id: strawberry.ID
    body: str
    author_id: strawberry.ID
    created_at: datetime

    @classmethod
    def of(cls, note: SessionNote) -> Self:
        return cls(id=encode_id("MentorshipNote", note.id), body=note.body,
                   author_id=encode_id("User", note.author_id), created_at=note.created_at)


@strawberry.type(description="A goal on the founder's journey.")
class MentorshipGoal:
    id: strawberry.ID
    milestone: MilestoneEnum  # type: ignore[valid-type]
    title: str
    achieved_at: datetime | None

    @classmethod
    def of(cls, goal: Goal) -> Self:
        return cls(id=encode_id("MentorshipGoal", goal.id), milestone=Milestone(goal.milestone),
                   title=goal.title, achieved_at=goal.achieved_at)


@strawberry.type(description="A mentee's request to a mentor, and the relationship after.")
class MentorshipType:
    id: strawberry.ID
    expert_id: strawberry.ID
    mentee_id: strawberry.ID
    status: MentorshipStatusEnum  # type: ignore[valid-type]
    message: str
    share_progress: bool = strawberry.field(
        description="The mentee lets the mentor see their course progress.")
    expert_pk: strawberry.Private[int]

    @strawberry.field(description="The mentor's display name (an expert's public name).")
    async def expert_name(self, info: Info) -> str:
        return await info.context.loader(EXPERT_NAMES, expert_name_by_id).load(self.expert_pk)

    @classmethod
    def of(cls, found: Mentorship) -> Self:
        return cls(id=encode_id("Mentorship", found.id),
                   expert_id=encode_id("Expert", found.expert_id),
                   mentee_id=encode_id("User", found.mentee_id),
                   status=MentorshipStatus(found.status), message=found.message,
                   share_progress=found.share_progress, expert_pk=found.expert_id)


@strawberry.type(description="One status change of a funding request.")
class FundingRequestEvent:
    status: FundingStatusEnum  # type: ignore[valid-type]
    note: str
    at: datetime

    @classmethod
    def of(cls, event: FundingEvent) -> Self:
        return cls(status=FundingStatus(event.status), note=event.note, at=event.created_at)


@strawberry.type(description="A request for help obtaining funding.")
class FundingRequestType:
    id: strawberry.ID
    project: str
    amount_sought: MoneyType
    stage: MilestoneEnum  # type: ignore[valid-type]
    documents: list[str]
    status: FundingStatusEnum  # type: ignore[valid-type]
    advisor_ids: list[strawberry.ID]
    history: list[FundingRequestEvent]

    @classmethod
    def of(cls, found: FundingRequest, advisors: list[int], events: list[FundingEvent]
           ) -> Self:
        return cls(id=encode_id("FundingRequest", found.id), project=found.project,
                   amount_sought=money(found.amount_sought), stage=Milestone(found.stage),
                   documents=list(found.documents), status=FundingStatus(found.status),
                   advisor_ids=[encode_id("Expert", a) for a in advisors],
                   history=[FundingRequestEvent.of(e) for e in events])
