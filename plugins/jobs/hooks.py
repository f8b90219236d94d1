"""The jobs plugin's hook implementations (registered as the ``jobs`` entry point)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from engine.plugins.api import GraphQLContribution, hookimpl
from plugins.jobs.announcement_models import Announcement, Delivery, OptIn
from plugins.jobs.application_models import Application, ApplicationChange, Hire
from plugins.jobs.graphql_announcements import AnnouncementMutation, AnnouncementQuery
from plugins.jobs.graphql_applications import ApplicationMutation, ApplicationQuery
from plugins.jobs.graphql_candidates import CandidateMutation, CandidateQuery
from plugins.jobs.graphql_offers import OfferMutation, OfferQuery
from plugins.jobs.models import CandidateProfile, JobOffer, ProfileGrant, Skill

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
        query=[OfferQuery, CandidateQuery, ApplicationQuery, AnnouncementQuery],
        mutation=[OfferMutation, CandidateMutation, ApplicationMutation, AnnouncementMutation])
