"""The programme plugin's hook implementations (registered as the ``programme`` entry
point). It talks to other plugins only through core hooks (``ruta_journey_facts``,
``ruta_impact_facts``) and to the core through ``engine.plugins.api``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.plugins.api import (
    GraphQLContribution,
    MessageType,
    Runtime,
    StaffOrganisation,
    hookimpl,
)
from plugins.programme import assisted_booking, notices, personal_data
from plugins.programme import demo as demo_data
from plugins.programme.event_models import Checkin, CheckinList, Event, EventSession, Registration
from plugins.programme.graphql_access_points import AccessPointMutation
from plugins.programme.graphql_events import EventMutation, EventQuery
from plugins.programme.graphql_network import NetworkMutation, NetworkQuery
from plugins.programme.graphql_partners import (
    BookingMutation,
    PartnerLogoMutation,
    PartnerMutation,
    PartnerQuery,
)
from plugins.programme.models import (
    AccessPoint,
    JobsDeclaration,
    Participant,
    Partner,
    PartnerStaff,
)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@hookimpl
def ruta_models() -> Sequence[type]:
    return [Partner, AccessPoint, PartnerStaff, Participant, JobsDeclaration, Event,
            EventSession, Registration, CheckinList, Checkin]


@hookimpl
def ruta_migration_locations() -> Sequence[str]:
    return [str(MIGRATIONS)]


@hookimpl
def ruta_graphql_schema() -> GraphQLContribution:
    return GraphQLContribution(query=[EventQuery, NetworkQuery, PartnerQuery],
                               mutation=[EventMutation, NetworkMutation, PartnerMutation,
                                         PartnerLogoMutation, BookingMutation,
                                         AccessPointMutation])


@hookimpl
async def ruta_demo_seed(runtime: Runtime, demo: Any) -> None:
    """The network, its access points, two upcoming events and assisted participants."""
    await demo_data.seed(runtime, demo)


@hookimpl
async def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    return await personal_data.export(runtime, user_id)


@hookimpl
async def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    await personal_data.erase(runtime, user_id)


@hookimpl
def ruta_notification_types() -> Sequence[MessageType]:
    """``event_waitlist_promoted``: a waitlisted attendee got a freed seat."""
    return notices.MESSAGE_TYPES


@hookimpl
async def ruta_staff_organisation(runtime: Runtime, user_id: int) -> StaffOrganisation | None:
    """Partner staff work for their partner (``kind="PARTNER"``)."""
    found = await assisted_booking.partner_of_user(runtime, user_id)
    if found is None:
        return None
    return StaffOrganisation(kind="PARTNER", id=found.id, name=found.name,
                             country=found.country, region=found.region)
