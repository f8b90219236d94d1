"""The elearning plugin's hook implementations (registered as the ``elearning`` entry
point)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.routing import Route

from engine.plugins.api import (
    DemoJourney,
    GraphQLContribution,
    IssuedCertificate,
    JourneyFact,
    MessageType,
    Runtime,
    hookimpl,
)
from plugins.elearning import (
    attendance,
    attendance_links,
    certificate_links,
    credentials,
    demo_journeys,
    journey,
    models,
    personal_data,
)
from plugins.elearning.attendance_queries import AttendanceQuery
from plugins.elearning.authoring_mutations import AuthoringMutation
from plugins.elearning.demo import seed_courses
from plugins.elearning.enrolment import enrol_paid_order, revoke_order
from plugins.elearning.event_notices import EVENT_MESSAGES
from plugins.elearning.learning_mutations import LearningMutation
from plugins.elearning.notices import MESSAGE_TYPES
from plugins.elearning.queries import ElearningQuery, product_fields
from plugins.elearning.rescue import run_ladder
from plugins.elearning.translation_mutations import TranslationMutation
from plugins.elearning.vendor_stats import vendor_fields

if TYPE_CHECKING:
    from engine.demo.index import DemoIndex

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: ``ruta_tick`` runs every few seconds; the ladder needs no more than one pass a minute.
LADDER_EVERY = timedelta(minutes=1)
_last_ladder: dict[int, datetime] = {}


@hookimpl
def ruta_models() -> Sequence[type]:
    return [models.Course, models.CourseModule, models.Lesson, models.Translation,
            models.Enrolment, models.LessonCompletion, models.QuizAttempt,
            models.Certificate, models.RescueStep, models.AttendanceCertificate]


@hookimpl
def ruta_migration_locations() -> Sequence[str]:
    return [str(MIGRATIONS)]


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(query=[ElearningQuery, AttendanceQuery],
                               mutation=[AuthoringMutation, TranslationMutation,
                                         LearningMutation])


@hookimpl
def ruta_http_routes(runtime: Runtime) -> Sequence[Route]:
    return [Route(certificate_links.PATH, certificate_links.endpoint(runtime)),
            Route(attendance_links.PATH, attendance_links.endpoint(runtime))]


@hookimpl
def ruta_graphql_type_fields(type_name: str) -> Sequence[Any]:
    if type_name == "Product":
        return product_fields()
    if type_name == "Vendor":
        return vendor_fields()
    return []


@hookimpl
async def ruta_order_paid(runtime: Runtime, occurred_at: datetime, order_id: int) -> None:
    await enrol_paid_order(runtime, order_id, occurred_at)


@hookimpl
async def ruta_order_cancelled(runtime: Runtime, occurred_at: datetime, order_id: int) -> None:
    await revoke_order(runtime, order_id, occurred_at)


@hookimpl
async def ruta_order_refunded(runtime: Runtime, occurred_at: datetime, order_id: int,
                              vendor_order_id: int, full: bool) -> None:
    if full:
        await revoke_order(runtime, order_id, occurred_at, vendor_order_id)


@hookimpl
async def ruta_tick(runtime: Runtime, now: datetime) -> None:
    last = _last_ladder.get(id(runtime))
    if last is not None and timedelta(0) <= now - last < LADDER_EVERY:
        return
    _last_ladder[id(runtime)] = now
    await run_ladder(runtime, now)


@hookimpl
async def ruta_demo_seed(runtime: Runtime, demo: DemoIndex) -> None:
    await seed_courses(runtime, demo)


@hookimpl
async def ruta_demo_journeys(runtime: Runtime, journeys: Sequence[DemoJourney]) -> None:
    """Demo participants enrolled in a free course, some of them through it."""
    await demo_journeys.walk(runtime, journeys)


@hookimpl
def ruta_notification_types() -> Sequence[MessageType]:
    """The drop-out ladder's messages (NUDGE, MENTOR, COORDINATOR), enrolment and
    certificate messages."""
    return (*MESSAGE_TYPES, *EVENT_MESSAGES)


@hookimpl
async def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    return await personal_data.export(runtime, user_id)


@hookimpl
async def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    await personal_data.erase(runtime, user_id)


@hookimpl
async def ruta_user_credentials(runtime: Runtime, user_id: int) -> list[dict[str, Any]] | None:
    """Certificates the learner earned (for other plugins, shown with their consent)."""
    return await credentials.of_user(runtime, user_id)


@hookimpl
async def ruta_journey_facts(runtime: Runtime, user_ids: list[int]) -> list[JourneyFact]:
    """Journey steps for the programme's participants (through the core hook only)."""
    return await journey.journey_facts(runtime, user_ids)


@hookimpl
async def ruta_attendance_certificate(runtime: Runtime, user_id: int, reference: str,
                                      title: str, attended_on: date,
                                      organiser: str) -> IssuedCertificate:
    """A certificate of attendance (e.g. of a programme event), signed like a course
    certificate; once per user and reference."""
    return await attendance.issue_attendance(runtime, user_id, reference, title, attended_on,
                                             organiser)
