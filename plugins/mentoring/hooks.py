"""The mentoring plugin's hook implementations (registered as the ``mentoring`` entry
point)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.plugins.api import (
    DemoJourney,
    GraphQLContribution,
    JourneyFact,
    MessageType,
    Runtime,
    hookimpl,
)
from plugins.mentoring import demo as demo_data
from plugins.mentoring import (
    demo_journeys,
    journey,
    mentorships,
    notices,
    paid,
    personal_data,
    reminders,
    vouchers,
)
from plugins.mentoring.event_notices import EVENT_MESSAGES
from plugins.mentoring.graphql_booking_queries import BookingQuery
from plugins.mentoring.graphql_bookings import BookingMutation
from plugins.mentoring.graphql_expert_desk import ExpertDeskQuery
from plugins.mentoring.graphql_experts import ExpertMutation, ExpertQuery
from plugins.mentoring.graphql_funding import FundingMutation, FundingQuery
from plugins.mentoring.graphql_relationship import RelationshipMutation, RelationshipQuery
from plugins.mentoring.models import Booking, Expert, Offering, Session, Tag, Voucher
from plugins.mentoring.relationship_models import (
    Feedback,
    FundingAssignment,
    FundingEvent,
    FundingRequest,
    Goal,
    Mentorship,
    SessionNote,
)

if TYPE_CHECKING:
    from engine.demo.index import DemoIndex

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@hookimpl
def ruta_models() -> Sequence[type]:
    return [Tag, Expert, Offering, Session, Booking, Voucher, Mentorship, SessionNote, Goal,
            Feedback, FundingRequest, FundingAssignment, FundingEvent]


@hookimpl
def ruta_migration_locations() -> Sequence[str]:
    return [str(MIGRATIONS)]


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(
        query=[ExpertQuery, BookingQuery, RelationshipQuery, FundingQuery, ExpertDeskQuery],
        mutation=[ExpertMutation, BookingMutation, RelationshipMutation, FundingMutation])


@hookimpl
async def ruta_progress_shared_with(runtime: Runtime, learner_id: int) -> list[int] | None:
    """Mentors the learner consented to share course progress with (None when none, so
    the answer list holds only plugins that have something to say)."""
    return await mentorships.progress_shared_with(runtime, learner_id) or None


@hookimpl
async def ruta_course_completed(runtime: Runtime, event_id: int, occurred_at: datetime,
                                user_id: int, product_id: int, topics: list[str]) -> None:
    await vouchers.grant(runtime, event_id, user_id, product_id, topics, occurred_at)


@hookimpl
async def ruta_order_paid(runtime: Runtime, order_id: int) -> None:
    await paid.order_paid(runtime, order_id)


@hookimpl
async def ruta_demo_seed(runtime: Runtime, demo: DemoIndex) -> None:
    """Experts, their taxonomy, plans and offerings, linked paid slots and a funding request."""
    await demo_data.seed(runtime, demo)


@hookimpl
async def ruta_demo_journeys(runtime: Runtime, journeys: Sequence[DemoJourney]) -> None:
    """Demo participants' past mentoring sessions, funding requests and grants."""
    await demo_journeys.walk(runtime, journeys)


@hookimpl
async def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    return await personal_data.export(runtime, user_id)


@hookimpl
async def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    await personal_data.erase(runtime, user_id)


@hookimpl
def ruta_notification_types() -> Sequence[MessageType]:
    """Booking messages (``booking_confirmed`` with the attendee's .ics, the reminder,
    waitlist promotion, session cancelled) and funding status changes."""
    return (*notices.MESSAGE_TYPES, *EVENT_MESSAGES)


@hookimpl
async def ruta_tick(runtime: Runtime, now: datetime) -> None:
    """The 24-hour booking reminders (once per booking, safe with many workers)."""
    await reminders.remind_due(runtime, now)


@hookimpl
async def ruta_journey_facts(runtime: Runtime, user_ids: list[int]) -> list[JourneyFact]:
    """Journey steps for the programme's participants (through the core hook only)."""
    return await journey.journey_facts(runtime, user_ids)
