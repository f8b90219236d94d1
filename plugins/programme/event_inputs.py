"""GraphQL inputs and payloads of programme events."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from plugins.programme.errors import ProgrammeError
from plugins.programme.event_types import CheckinListType, EventType, RegistrationType


@strawberry.input
class EventSessionInput:
    starts_at: datetime
    ends_at: datetime
    access_point_id: strawberry.ID | None = None
    online_url: str | None = None


@strawberry.input
class EventQuestionInput:
    key: str
    label: str
    required: bool = False


@strawberry.input
class ProgrammeEventInput:
    partner_id: strawberry.ID
    title: str
    capacity: int
    sessions: list[EventSessionInput]
    description: str = ""
    questions: list[EventQuestionInput] = strawberry.field(default_factory=list)
    variant_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "Make the event paid: the bookable ProductVariant (of your vendor) that checkout "
        "sells; its seats become the event's capacity."))


@strawberry.input
class EventRegisterInput:
    event_id: strawberry.ID
    name: str
    email: str
    answers: JSON = strawberry.field(default_factory=dict,
                                     description="Question key → answer.")


@strawberry.type
class ProgrammeEventPayload:
    event: EventType | None = None
    errors: list[ProgrammeError] = strawberry.field(default_factory=list)


@strawberry.type
class EventRegisterPayload:
    registration: RegistrationType | None = None
    promoted_id: strawberry.ID | None = None
    errors: list[ProgrammeError] = strawberry.field(default_factory=list)


@strawberry.type
class CheckinListPayload:
    checkin_list: CheckinListType | None = None
    errors: list[ProgrammeError] = strawberry.field(default_factory=list)
