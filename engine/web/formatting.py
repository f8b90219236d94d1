"""Babel formatting for pages: money, numbers, dates and times in the visitor's locale and
time zone (the account's own ``timeZone`` when set, else from its country: Spain
``Europe/Madrid``, Portugal ``Europe/Lisbon``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal, format_percent

from engine.money import quantize

LOCALES = {"es": "es_ES", "pt": "pt_PT", "en": "en_GB", "fr": "fr_FR", "ar": "ar_EG",
           "ro": "ro_RO", "uk": "uk_UA", "qps": "en_GB"}
TIME_ZONES = {"ES": "Europe/Madrid", "PT": "Europe/Lisbon"}
DEFAULT_TIME_ZONE = "Europe/Madrid"


def time_zone_for(country: str | None, own: str | None = None) -> str:
    """The account's own IANA zone when it names a known one, else its country's."""
    if own:
        try:
            ZoneInfo(own)
        except (ZoneInfoNotFoundError, ValueError):
            pass
        else:
            return own
    return TIME_ZONES.get((country or "").upper(), DEFAULT_TIME_ZONE)


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
