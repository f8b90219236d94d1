"""What the ``shop`` query tells storefronts, read from the environment.

``RUTA_SHOP_NAME``, ``RUTA_SHOP_DESCRIPTION``, ``RUTA_DEFAULT_COUNTRY`` (default: the first
supported country), ``RUTA_LANGUAGES`` (default ``ES,PT,EN``), ``RUTA_PRICES_WITHOUT_TAX``
(countries whose storefront shows net prices; default none: consumers see gross prices),
``RUTA_SUPPORT_EMAIL``, ``RUTA_TERMS_URL``, ``RUTA_PRIVACY_URL``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from engine.locales import COUNTRY_CODES, LANGUAGE_CODES

CURRENCIES = ("EUR",)


class ShopSettingsError(ValueError):
    """A shop setting names an unknown country or language, or a URL is not https."""


@dataclass(frozen=True)
class ShopSettings:
    name: str = "Ruta"
    description: str = ""
    default_country: str | None = None
    languages: tuple[str, ...] = ("ES", "PT", "EN")
    prices_without_tax: tuple[str, ...] = ()
    support_email: str | None = None
    terms_url: str | None = None
    privacy_url: str | None = None


def _codes(raw: str | None, default: tuple[str, ...], known: tuple[str, ...],
           name: str) -> tuple[str, ...]:
    if raw is None:
        return default
    codes = tuple(part.strip().upper() for part in raw.split(",") if part.strip())
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ShopSettingsError(f"{name} has unknown codes: {', '.join(unknown)}")
    return codes


def _url(env: Mapping[str, str], name: str) -> str | None:
    value = (env.get(name) or "").strip()
    if value and not value.startswith(("https://", "http://")):
        raise ShopSettingsError(f"{name} must be an http(s) URL")
    return value or None


def shop_settings_from_env(env: Mapping[str, str]) -> ShopSettings:
    default_country = (env.get("RUTA_DEFAULT_COUNTRY") or "").strip().upper() or None
    if default_country is not None and default_country not in COUNTRY_CODES:
        raise ShopSettingsError(f"RUTA_DEFAULT_COUNTRY is not a country: {default_country}")
    return ShopSettings(
        name=env.get("RUTA_SHOP_NAME", "Ruta"),
        description=env.get("RUTA_SHOP_DESCRIPTION", ""),
        default_country=default_country,
        languages=_codes(env.get("RUTA_LANGUAGES"), ("ES", "PT", "EN"), LANGUAGE_CODES,
                         "RUTA_LANGUAGES"),
        prices_without_tax=_codes(env.get("RUTA_PRICES_WITHOUT_TAX"), (), COUNTRY_CODES,
                                  "RUTA_PRICES_WITHOUT_TAX"),
        support_email=(env.get("RUTA_SUPPORT_EMAIL") or "").strip() or None,
        terms_url=_url(env, "RUTA_TERMS_URL"),
        privacy_url=_url(env, "RUTA_PRIVACY_URL"),
    )
