"""Partners, their access points and staff; access points near a place, nearest first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from engine.plugins.api import NotFound, Runtime, ValidationError
from plugins.programme.access import Viewer, require_operator
from plugins.programme.geo import distance_km
from plugins.programme.models import AccessPoint, Partner, PartnerStaff
from plugins.programme.towns import locate

SERVICES = ("COMPUTERS", "ADMIN_GUIDANCE", "JOB_SEARCH", "LANGUAGE_HELP")


@dataclass(frozen=True)
class Near:
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None
    postal_code: str | None = None

    def point(self) -> tuple[float, float]:
        if self.latitude is not None and self.longitude is not None:
            if not (-90 <= self.latitude <= 90 and -180 <= self.longitude <= 180):
                raise ValidationError("near", "INVALID", "Latitude or longitude out of range.")
            return self.latitude, self.longitude
        if self.country and self.postal_code:
            place = locate(self.country, self.postal_code)
            if place is None:
                raise ValidationError("near", "UNKNOWN_POSTAL_CODE",
                                      "This postal code is outside the programme area.")
            return place.latitude, place.longitude
        raise ValidationError("near", "REQUIRED",
                              "Give latitude and longitude, or country and postal code.")


async def partners(runtime: Runtime) -> list[Partner]:
    async with runtime.db.read() as session:
        return list(await session.scalars(select(Partner).order_by(Partner.name)))


async def access_points(runtime: Runtime, near: Near | None, service: str | None,
                        first: int = 50) -> list[tuple[AccessPoint, float | None]]:
    origin = near.point() if near else None
    async with runtime.db.read() as session:
        points = list(await session.scalars(select(AccessPoint).order_by(AccessPoint.id)))
    if service:
        points = [p for p in points if service in p.services]
    rows: list[tuple[AccessPoint, float | None]] = [
        (p, distance_km(origin[0], origin[1], p.latitude, p.longitude) if origin else None)
        for p in points]
    if origin:
        rows.sort(key=lambda row: (row[1], row[0].id))
    return rows[:first]


async def add_staff(runtime: Runtime, viewer: Viewer | None, partner_id: int,
                    user_id: int) -> PartnerStaff:
    require_operator(viewer)
    try:
        async with runtime.db.write() as session:
            if await session.get(Partner, partner_id) is None:
                raise NotFound("partnerId", "No such partner.")
            staff = PartnerStaff(partner_id=partner_id, user_id=user_id)
            session.add(staff)
            await session.flush()
            return staff
    except IntegrityError as exc:
        raise ValidationError("userId", "ALREADY_STAFF",
                              "This user already works for a partner.") from exc


def point_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Validated access-point columns (services from ``SERVICES``)."""
    bad = [s for s in data.get("services", []) if s not in SERVICES]
    if bad:
        raise ValidationError("services", "INVALID", f"Unknown service {bad[0]}.")
    return data
