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
from plugins.programme import (
    assisted_booking,
    notices,
    paid_events,
    personal_data,
    ticket_mail,
)
from plugins.programme import demo as demo_data
from plugins.programme.event_models import Checkin, CheckinList, Event, EventSession, Registration
from plugins.programme.graphql_access_points import AccessPointMutation
from plugins.programme.graphql_certificates import CertificateMutation
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
                                         AccessPointMutation, CertificateMutation])


@hookimpl(trylast=True)
async def ruta_demo_seed(runtime: Runtime, demo: Any) -> None:
    """The network, its access points, two upcoming events and assisted participants,
    walked along the funnel (last: it asks the other plugins' ``ruta_demo_journeys``,
    whose courses and experts must be seeded)."""
    await demo_data.seed(runtime, demo)


@hookimpl
async def ruta_order_paid(runtime: Runtime, order_id: int) -> None:
    """A paid event's tickets: each seat bought registers the buyer (once per order line)."""
    await paid_events.order_paid(runtime, order_id)


@hookimpl
async def ruta_order_cancelled(runtime: Runtime, order_id: int) -> None:
    """The tickets a cancelled order paid for are cancelled (the core freed the seats)."""
    await paid_events.order_cancelled(runtime, order_id)


@hookimpl
async def ruta_order_refunded(runtime: Runtime, order_id: int, vendor_order_id: int,
                              full: bool) -> None:
    """A fully refunded vendor order cancels the tickets it paid for."""
    if full:
        await paid_events.order_cancelled(runtime, order_id, vendor_order_id)


@hookimpl
async def ruta_account_export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    return await personal_data.export(runtime, user_id)


@hookimpl
async def ruta_account_erase(runtime: Runtime, user_id: int) -> None:
    await personal_data.erase(runtime, user_id)


@hookimpl
def ruta_notification_types() -> Sequence[MessageType]:
    """``event_waitlist_promoted``: a waitlisted attendee got a freed seat;
    ``event_ticket``: the ticket (QR, door code, .ics) of a confirmed seat."""
    return (*notices.MESSAGE_TYPES, ticket_mail.MESSAGE_TYPE)


@hookimpl
async def ruta_event_registration_promoted(runtime: Runtime, registration_id: int) -> None:
    """The promoted attendee's ticket (once: a redelivery sends nothing more)."""
    await ticket_mail.send_ticket(runtime, registration_id)


@hookimpl
async def ruta_staff_organisation(runtime: Runtime, user_id: int) -> StaffOrganisation | None:
    """Partner staff work for their partner (``kind="PARTNER"``)."""
    found = await assisted_booking.partner_of_user(runtime, user_id)
    if found is None:
        return None
    return StaffOrganisation(kind="PARTNER", id=found.id, name=found.name,
                             country=found.country, region=found.region)
