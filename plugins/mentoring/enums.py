"""The mentoring plugin's vocabularies, stored as these texts and exposed as GraphQL enums."""

from __future__ import annotations

import enum


class ExpertKind(enum.StrEnum):
    MENTOR = "MENTOR"
    LEGAL = "LEGAL"
    MEDIATOR = "MEDIATOR"
    SOCIAL_MEDIATOR = "SOCIAL_MEDIATOR"
    LOCAL_DEVELOPMENT = "LOCAL_DEVELOPMENT"
    ADMINISTRATIVE = "ADMINISTRATIVE"
    FUNDING = "FUNDING"


class BookingStatus(enum.StrEnum):
    CONFIRMED = "CONFIRMED"
    WAITLISTED = "WAITLISTED"
    #: A seat of a paid session freed up for this waitlisted person: buy it through checkout.
    OFFERED = "OFFERED"
    CANCELLED_BY_ATTENDEE = "CANCELLED_BY_ATTENDEE"
    CANCELLED_BY_EXPERT = "CANCELLED_BY_EXPERT"


class SessionStatus(enum.StrEnum):
    SCHEDULED = "SCHEDULED"
    CANCELLED = "CANCELLED"


class MentorshipStatus(enum.StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    ENDED = "ENDED"


class Milestone(enum.StrEnum):
    """Steps of the founder's journey."""

    IDEA = "IDEA"
    PLAN = "PLAN"
    REGISTRATION = "REGISTRATION"
    FUNDING = "FUNDING"
    FIRST_SALE = "FIRST_SALE"


class FundingStatus(enum.StrEnum):
    OPEN = "OPEN"
    IN_REVIEW = "IN_REVIEW"
    SUBMITTED_TO_FUNDER = "SUBMITTED_TO_FUNDER"
    GRANTED = "GRANTED"
    DECLINED = "DECLINED"


#: Allowed funding status moves (the history records each one).
FUNDING_MOVES: dict[FundingStatus, tuple[FundingStatus, ...]] = {
    FundingStatus.OPEN: (FundingStatus.IN_REVIEW,),
    FundingStatus.IN_REVIEW: (FundingStatus.SUBMITTED_TO_FUNDER, FundingStatus.DECLINED),
    FundingStatus.SUBMITTED_TO_FUNDER: (FundingStatus.GRANTED, FundingStatus.DECLINED),
    FundingStatus.GRANTED: (),
    FundingStatus.DECLINED: (),
}

LANGUAGES = ("ES", "PT", "EN")
LEGAL_SYSTEMS = ("ES", "PT")
