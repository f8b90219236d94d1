"""Babel formatting for pages: money, numbers, dates and times in the visitor's locale and
time zone (see :func:`viewer_time_zone`: the account's own, else the place's)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo, available_timezones

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal, format_percent

from engine.money import quantize

LOCALES = {"es": "es_ES", "pt": "pt_PT", "en": "en_GB", "fr": "fr_FR", "ar": "ar_EG",
           "ro": "ro_RO", "uk": "uk_UA", "qps": "en_GB"}
TIME_ZONES = {"ES": "Europe/Madrid", "PT": "Europe/Lisbon"}
DEFAULT_TIME_ZONE = "Europe/Madrid"


#: Postal-code prefixes of territories with their own clock: Portugal's Madeira (9000-9499:
#: Funchal 9000, Porto Santo 9400) and Azores (9500-9999: Ponta Delgada 9500, Angra 9700,
#: Horta 9900, Flores and Corvo 9960-9980); Spain's Canary Islands (provinces 35 Las Palmas
#: and 38 Santa Cruz de Tenerife).
ISLANDS: dict[str, tuple[tuple[int, int, str], ...]] = {
    "PT": ((9000, 9499, "Atlantic/Madeira"), (9500, 9999, "Atlantic/Azores")),
    "ES": ((35000, 35999, "Atlantic/Canary"), (38000, 38999, "Atlantic/Canary")),
}
#: How many leading digits of the postal code the ranges above compare.
PREFIX_DIGITS = {"PT": 4, "ES": 5}


def time_zone_for(country: str | None, postal_code: str | None = None) -> str:
    """The clock of a place: the country's, or its islands' when the postal code is there
    (``PT``/``9500-321`` -> ``Atlantic/Azores``); ``Europe/Madrid`` for any other country."""
    code = (country or "").upper()
    digits = "".join(ch for ch in (postal_code or "") if ch.isdigit())
    size = PREFIX_DIGITS.get(code, 0)
    if size and len(digits) >= size:
        number = int(digits[:size])
        for low, high, zone in ISLANDS.get(code, ()):
            if low <= number <= high:
                return zone
    return TIME_ZONES.get(code, DEFAULT_TIME_ZONE)


def known_time_zone(name: str | None) -> str | None:
    """``name`` when it is an IANA time zone this machine knows, else None."""
    return name if name and name in _zones() else None


_ZONES: set[str] = set()


def _zones() -> set[str]:
    if not _ZONES:
        _ZONES.update(available_timezones())
    return _ZONES


def viewer_time_zone(account_zone: str | None, place: tuple[str, str] | None,
                     account_country: str | None) -> str:
    """The time zone a page shows times in: the signed-in account's own ``timeZone`` when
    set; else the place the visitor chose (country and postal code); else the account's
    country; else ``Europe/Madrid``."""
    own = known_time_zone(account_zone)
    if own is not None:
        return own
    if place is not None:
        return time_zone_for(*place)
    return time_zone_for(account_country)


class Formatter:
    """Filters bound to one page's locale and time zone."""

    def __init__(self, lang: str, time_zone: str) -> None:
        self.locale = LOCALES.get(lang, "en_GB")
        self.zone = ZoneInfo(time_zone)

    def money(self, amount: str | Decimal | None, currency: str = "EUR") -> str:
        if amount is None or amount == "":
            return ""
        # Babel rounds half-even for display: round half-up (the engine's rule) first.
        return format_currency(quantize(Decimal(str(amount))), currency, locale=self.locale)

    def number(self, value: int | str | Decimal) -> str:
        return format_decimal(Decimal(str(value)), locale=self.locale)

    def percent(self, value: str | Decimal | None) -> str:
        """``"0.21"`` -> ``21 %`` (es) / ``21%`` (en)."""
        if value is None or value == "":
            return ""
        return format_percent(Decimal(str(value)).normalize(), locale=self.locale,
                              decimal_quantization=False)

    def _when(self, value: str | dt.datetime) -> dt.datetime:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        return moment.astimezone(self.zone)

    def datetime(self, value: str | dt.datetime | None) -> str:
        if not value:
            return ""
        return format_datetime(self._when(value), "short", tzinfo=self.zone, locale=self.locale)

    def date(self, value: str | dt.datetime | None) -> str:
        """A moment's day in the visitor's time zone; a bare day (``2026-12-01``) as is."""
        if not value:
            return ""
        if isinstance(value, str) and len(value) == 10:
            return format_date(dt.date.fromisoformat(value), "medium", locale=self.locale)
        return format_date(self._when(value), "medium", locale=self.locale)

    def filters(self) -> dict[str, object]:
        return {"money": self.money, "number": self.number, "datetime": self.datetime,
                "date": self.date, "percent": self.percent}
