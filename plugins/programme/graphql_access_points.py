"""GraphQL: a partner's staff (and operators) manage the partner's access points."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from engine.plugins.api import Info, attempt, decode_id, encode_id
from plugins.programme import access_point_admin
from plugins.programme.access import viewer_of
from plugins.programme.errors import ProgrammeError, errors_of
from plugins.programme.network_types import AccessPointType


@strawberry.input
class AccessPointInput:
    name: str | None = None
    address: str | None = None
    town: str | None = strawberry.field(
        default=None, description="Defaults to the postal code's town in the programme area.")
    country: str | None = strawberry.field(default=None, description="ES or PT.")
    postal_code: str | None = None
    latitude: float | None = strawberry.field(
        default=None, description="With longitude; left out, the postal code's town centre.")
    longitude: float | None = None
    time_zone: str | None = strawberry.field(
        default=None, description="IANA zone; defaults to Europe/Madrid (ES) or "
                                  "Europe/Lisbon (PT).")
    hours: JSON | None = strawberry.field(
        default=None, description='ISO weekday → [["HH:MM", "HH:MM"], ...] in local time, '
                                  'e.g. {"1": [["09:00", "14:00"]]}.')
    services: list[str] | None = strawberry.field(
        default=None, description="COMPUTERS, ADMIN_GUIDANCE, JOB_SEARCH, LANGUAGE_HELP.")
    languages: list[str] | None = strawberry.field(
        default=None, description="Languages spoken there, ISO 639 codes (es, pt, ar, wo...).")


@strawberry.type
class AccessPointPayload:
    access_point: AccessPointType | None = None
    errors: list[ProgrammeError] = strawberry.field(default_factory=list)


@strawberry.type
class AccessPointDeletePayload:
    deleted_id: strawberry.ID | None = None
    errors: list[ProgrammeError] = strawberry.field(default_factory=list)


def _data(input: AccessPointInput) -> access_point_admin.PointData:
    return access_point_admin.PointData(
        name=input.name, address=input.address, town=input.town, country=input.country,
        postal_code=input.postal_code, latitude=input.latitude, longitude=input.longitude,
        time_zone=input.time_zone, hours=input.hours, services=input.services,
        languages=input.languages)


@strawberry.type
class AccessPointMutation:
    @strawberry.mutation(description="Add an access point to a partner (its staff, "
                                     "operators).")
    async def access_point_create(self, info: Info, partner_id: strawberry.ID,
                                  input: AccessPointInput) -> AccessPointPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: access_point_admin.create(
            info.context.runtime, viewer, decode_id(partner_id, "Partner", field="partnerId"),
            _data(input)))
        return AccessPointPayload(
            access_point=AccessPointType.of(found, None) if found else None,
            errors=errors_of(exc))

    @strawberry.mutation(description="Correct an access point (its partner's staff, "
                                     "operators); omitted fields stay.")
    async def access_point_update(self, info: Info, id: strawberry.ID,
                                  input: AccessPointInput) -> AccessPointPayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: access_point_admin.update(
            info.context.runtime, viewer, decode_id(id, "AccessPoint"), _data(input)))
        return AccessPointPayload(
            access_point=AccessPointType.of(found, None) if found else None,
            errors=errors_of(exc))

    @strawberry.mutation(description="Remove an access point (its partner's staff, "
                                     "operators).")
    async def access_point_delete(self, info: Info, id: strawberry.ID
                                  ) -> AccessPointDeletePayload:
        viewer = await viewer_of(info)
        found, exc = await attempt(lambda: access_point_admin.delete(
            info.context.runtime, viewer, decode_id(id, "AccessPoint")))
        return AccessPointDeletePayload(
            deleted_id=encode_id("AccessPoint", found) if found is not None else None,
            errors=errors_of(exc))
