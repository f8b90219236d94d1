"""The jobs plugin's hook implementations (registered as the ``jobs`` entry point)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from engine.plugins.api import hookimpl
from plugins.jobs.announcement_models import Announcement, Delivery, OptIn
from plugins.jobs.application_models import Application, ApplicationChange, Hire
from plugins.jobs.models import CandidateProfile, JobOffer, ProfileGrant, Skill

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@hookimpl
def ruta_models() -> Sequence[type]:
    return [Skill, JobOffer, CandidateProfile, ProfileGrant, Application, ApplicationChange,
            Hire, OptIn, Announcement, Delivery]


@hookimpl
def ruta_migration_locations() -> Sequence[str]:
    return [str(MIGRATIONS)]
