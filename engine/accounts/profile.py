"""``accountUpdate``: the signed-in user's name, language, country and time zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from engine.accounts.models import User
from engine.errors import Collector
from engine.input_rules import clean_text
from engine.runtime import Runtime


def _time_zone(errors: Collector, value: str) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        errors.add("timeZone", "INVALID_TIME_ZONE", "An IANA time zone, e.g. Europe/Madrid.")
        return None
    return value


async def update_account(runtime: Runtime, user: User, *, name: str | None = None,
                         language_code: str | None = None, country: str | None = None,
                         time_zone: str | None = None) -> User:
    """Change the given fields (None leaves a field as it is); refused input writes nothing."""
    errors = Collector()
    values: dict[str, object] = {}
    if name is not None:
        values["name"] = clean_text(errors, "name", name, max_length=200, required=False)
    if language_code is not None:
        values["language_code"] = language_code
    if country is not None:
        if country not in runtime.settings.supported_countries:
            errors.add("country", "UNSUPPORTED_COUNTRY",
                       f"{country} is not served by this platform.")
        values["country"] = country
    if time_zone is not None:
        values["time_zone"] = _time_zone(errors, time_zone.strip())
    errors.raise_if_any()
    async with runtime.transaction() as session:
        stored = await session.get(User, user.id)
        assert stored is not None
        for key, value in values.items():
            setattr(stored, key, value)
    return stored
