"""Partner staff (for their own partner) and operators add, correct and remove access points.

The postal code is checked like every address's (``clean_postal_code``); when latitude and
longitude are left out, the point is placed at its town from the programme area's table
(``towns.locate``), and a code outside the area must then come with coordinates. Opening
hours are weekday → ``[["HH:MM", "HH:MM"], ...]`` in the point's own IANA time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError

from engine.plugins.api import (
    Collector,
    NotFound,
    Runtime,
    clean_postal_code,
    clean_text,
)
from plugins.programme.access import Viewer, require_partner
from plugins.programme.geo import valid_hours
from plugins.programme.models import AccessPoint, Partner
from plugins.programme.partner_admin import COUNTRIES
from plugins.programme.partners import SERVICES
from plugins.programme.towns import locate

ZONES = {"ES": ("Europe/Madrid", "Atlantic/Canary"), "PT": ("Europe/Lisbon", "Atlantic/Madeira",
                                                              "Atlantic/Azores")}


@dataclass(frozen=True)
class PointData:
    name: str | None = None
    address: str | None = None
    town: str | None = None
    country: str | None = None
    postal_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    time_zone: str | None = None
    hours: Any = None  # checked: a dict of weekday → spans
    services: list[str] | None = None
    languages: list[str] | None = None


def _is_language(code: str) -> bool:
    """A two- or three-letter ISO 639 code Babel (CLDR) knows, e.g. es, pt, ar, wo."""
    if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3):
        return False
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _text(errors: Collector, field: str, value: str | None, max_length: int) -> str:
    return clean_text(value, field=field, max_length=max_length, errors=errors) or ""


def _place(errors: Collector, data: PointData, point: AccessPoint | None) -> dict[str, Any]:
    """Country, postal code, town and coordinates, checked together."""
    out: dict[str, Any] = {}
    country = (data.country or (point.country if point else "")).upper()
    if country not in COUNTRIES:
        errors.add("country", "UNSUPPORTED_COUNTRY", "The programme runs in Spain and Portugal.")
        return out
    code = data.postal_code if data.postal_code is not None else (
        point.postal_code if point else None)
    postal = clean_postal_code(errors, "postalCode", code, country)
    if postal is None:
        return out
    out.update(country=country, postal_code=postal)
    place = locate(country, postal)
    if data.town is None and point is None and place is not None and "(" not in place.name:
        out["town"] = place.name  # a town of the table, not a province's fallback
    lat, lon = data.latitude, data.longitude
    if (lat is None) != (lon is None):
        errors.add("latitude", "REQUIRED", "Give both latitude and longitude, or neither.")
        return out
    if lat is not None and lon is not None:
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors.add("latitude", "INVALID", "Latitude or longitude out of range.")
            return out
        out.update(latitude=lat, longitude=lon)
    elif point is None or data.postal_code is not None or data.country is not None:
        if place is None:
            errors.add("postalCode", "UNKNOWN_POSTAL_CODE",
                       "This postal code is outside the programme area: give latitude and "
                       "longitude.")
            return out
        out.update(latitude=place.latitude, longitude=place.longitude)
    return out


def _columns(data: PointData, point: AccessPoint | None) -> dict[str, Any]:
    errors = Collector()
    creating = point is None
    out: dict[str, Any] = {}
    for field, attr, max_length in (("name", "name", 160), ("address", "address", 300),
                                    ("town", "town", 80)):
        value = getattr(data, attr)
        if value is not None or (creating and attr != "town"):
            out[attr] = _text(errors, field, value, max_length)
    out.update(_place(errors, data, point))
    if creating and "town" not in out and "latitude" in out:
        errors.add("town", "REQUIRED", "This field is required.")
    country = (data.country or (point.country if point else "")).upper()
    zone = data.time_zone if data.time_zone is not None else (
        point.time_zone if point else ZONES.get(country, ("",))[0])
    if zone:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            errors.add("timeZone", "INVALID", "Use an IANA time zone, e.g. Europe/Madrid.")
        else:
            out["time_zone"] = zone
    elif data.time_zone is not None:
        errors.add("timeZone", "INVALID", "Use an IANA time zone, e.g. Europe/Madrid.")
    if data.hours is not None:
        if not isinstance(data.hours, dict) or not valid_hours(data.hours):
            errors.add("hours", "INVALID", "Opening hours are weekdays 1-7 with HH:MM spans, "
                                           "opening before closing.")
        else:
            out["hours"] = {day: [list(span) for span in spans]
                            for day, spans in sorted(data.hours.items())}
    if data.services is not None:
        if any(s not in SERVICES for s in data.services):
            errors.add("services", "INVALID", "Choose services among COMPUTERS, "
                       "ADMIN_GUIDANCE, JOB_SEARCH and LANGUAGE_HELP.")
        out["services"] = sorted(set(data.services))
    if data.languages is not None:
        langs = [lang.lower() for lang in data.languages]
        if not all(_is_language(lang) for lang in langs):
            errors.add("languages", "INVALID", "Use two-letter language codes, e.g. es, pt, ar.")
        out["languages"] = list(dict.fromkeys(langs))
    errors.raise_if_any()
    return out


async def create(runtime: Runtime, viewer: Viewer | None, partner_id: int,
                 data: PointData) -> AccessPoint:
    require_partner(viewer, partner_id)
    columns = _columns(data, None)
    async with runtime.db.write() as session:
        if await session.get(Partner, partner_id) is None:
            raise NotFound("partnerId", "No such partner.")
        point = AccessPoint(partner_id=partner_id, **columns)
        point.hours = columns.get("hours", {})
        point.services = columns.get("services", [])
        point.languages = columns.get("languages", [])
        session.add(point)
        await session.flush()
        return point


async def update(runtime: Runtime, viewer: Viewer | None, point_id: int,
                 data: PointData) -> AccessPoint:
    async with runtime.db.read() as session:
        found = await session.get(AccessPoint, point_id)
    if found is None:
        raise NotFound("id", "No such access point.")
    require_partner(viewer, found.partner_id)
    columns = _columns(data, found)
    async with runtime.db.write() as session:
        point = await session.get(AccessPoint, point_id)
        if point is None:
            raise NotFound("id", "No such access point.")
        for key, value in columns.items():
            setattr(point, key, value)
        await session.flush()
        return point


async def delete(runtime: Runtime, viewer: Viewer | None, point_id: int) -> int:
    async with runtime.db.write() as session:
        point = await session.get(AccessPoint, point_id)
        if point is None:
            raise NotFound("id", "No such access point.")
        require_partner(viewer, point.partner_id)
        await session.delete(point)
        return point_id
