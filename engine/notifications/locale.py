"""The recipient's locale and time zone, and the Babel filters templates use."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_datetime
from babel.numbers import format_currency, format_decimal

from engine.money import quantize

#: Ruta's language codes → Babel locales (the region fixes currency and date formats).
LOCALES = {"ES": "es_ES", "PT": "pt_PT", "EN": "en_GB", "FR": "fr_FR", "AR": "ar",
           "RO": "ro_RO", "UK": "uk_UA", "DE": "de_DE", "IT": "it_IT", "CA": "ca_ES",
           "GL": "gl_ES", "EU": "eu_ES"}
TIME_ZONES = {"ES": "Europe/Madrid", "PT": "Europe/Lisbon", "FR": "Europe/Paris",
              "RO": "Europe/Bucharest", "UA": "Europe/Kyiv", "MA": "Africa/Casablanca",
              "GB": "Europe/London"}


def locale_of(language: str) -> Locale:
    return Locale.parse(LOCALES.get(language.upper(), "en_GB"))


def time_zone_of(country: str | None, postal_code: str | None = None) -> str:
    """The time zone of a country (the Canary Islands and the Azores by postal code)."""
    code = (country or "").upper()
    postal = (postal_code or "").strip()
    if code == "ES" and postal[:2] in ("35", "38"):
        return "Atlantic/Canary"
    if code == "PT" and postal[:1] == "9" and postal[:2] >= "95":
        return "Atlantic/Azores"
    return TIME_ZONES.get(code, "UTC")


class Formats:
    """Money and dates for one locale and time zone (``{{ amount|money }}``)."""

    def __init__(self, language: str, time_zone: str) -> None:
        self.locale = locale_of(language)
        self.zone = ZoneInfo(time_zone)

    @property
    def direction(self) -> str:
        return str(self.locale.text_direction)

    def money(self, amount: Any, currency: str = "EUR") -> str:
        # Babel rounds half-even for display: round half-up to cents first
        return str(format_currency(quantize(Decimal(str(amount))), currency,
                                   locale=self.locale))

    def number(self, value: Any) -> str:
        return str(format_decimal(value, locale=self.locale))

    def when(self, value: datetime, style: str = "medium") -> str:
        return str(format_datetime(value, style, tzinfo=self.zone, locale=self.locale))

    def filters(self) -> dict[str, Any]:
        return {"money": self.money, "number": self.number, "when": self.when}
