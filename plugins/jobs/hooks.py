"""The jobs plugin's hook implementations (registered as the ``jobs`` entry point)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.plugins.api import GraphQLContribution, ImpactFact, MessageType, Runtime, hookimpl
from plugins.jobs import demo as demo_data
from plugins.jobs import impact_facts, notices, personal_data
from plugins.jobs.announcement_models import Announcement, Delivery, OptIn
from plugins.jobs.application_models import Application, ApplicationChange, Hire
from plugins.jobs.graphql_announcements import AnnouncementMutation, AnnouncementQuery
from plugins.jobs.graphql_applications import ApplicationMutation, ApplicationQuery
from plugins.jobs.graphql_assisted import AssistedQuery
from plugins.jobs.graphql_candidates import CandidateMutation, CandidateQuery
from plugins.jobs.graphql_offers import OfferMutation, OfferQuery
from plugins.jobs.models import CandidateProfile, JobOffer, ProfileGrant, Skill

if TYPE_CHECKING:
    from engine.demo.index import DemoIndex

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@hookimpl
def ruta_models() -> Sequence[type]:
    return [Skill, JobOffer, CandidateProfile, ProfileGrant, Application, ApplicationChange,
            Hire, OptIn, Announcement, Delivery]


@hookimpl
def ruta_migration_locations() -> Sequence[str]:
    return [str(MIGRATIONS)]


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(
        query=[OfferQuery, CandidateQuery, ApplicationQuery, AnnouncementQuery,
               AssistedQuery],
        mutation=[OfferMutation, CandidateMutation, ApplicationMutation, AnnouncementMutation])


@hookimpl
async def ruta_demo_seed(runtime: Runtime, demo: DemoIndex) -> None:
    """Skills, three offers (Huelva, Faro, remote), two profiles, applications, a hire."""
    await demo_data.seed(runtime, demo)


@hookimpl
async def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    return await personal_data.export(runtime, user_id)


@hookimpl
async def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    await personal_data.erase(runtime, user_id)


@hookimpl
def ruta_notification_types() -> Sequence[MessageType]:
    """Application status messages and announcements, e-mailed by the notifications core."""
    return notices.MESSAGE_TYPES


@hookimpl
async def ruta_notification_unsubscribed(runtime: Runtime, event_id: int,
                                         occurred_at: datetime, user_id: int,
                                         category: str) -> None:
    """One-click unsubscribe from announcements ends the subscription."""
    await notices.unsubscribed(runtime, user_id, category)


@hookimpl
async def ruta_impact_facts(runtime: Runtime, since: datetime, until: datetime
                            ) -> list[ImpactFact]:
    """Each hire in ``[since, until)``: ``HIRE`` by the employer vendor, of the candidate."""
    return await impact_facts.hires(runtime, since, until)
