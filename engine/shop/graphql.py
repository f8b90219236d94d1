"""``shop``: the marketplace's name, countries, languages, currencies and links."""

from __future__ import annotations

import strawberry
from babel import Locale

from engine.api.context import Info
from engine.api.enums import CountryCode, LanguageCodeEnum
from engine.settings import Settings
from engine.shop.settings import CURRENCIES


@strawberry.type(name="ShopCountry")
class ShopCountryType:
    code: CountryCode  # type: ignore[valid-type]
    name: str
    prices_shown_with_tax: bool = strawberry.field(
        description="Whether the storefront shows buyers in this country gross prices.")


@strawberry.type(name="ShopLanguage")
class ShopLanguageType:
    code: LanguageCodeEnum  # type: ignore[valid-type]
    name: str


@strawberry.type(name="Shop")
class ShopType:
    name: str
    description: str
    default_country: ShopCountryType
    supported_countries: list[ShopCountryType]
    languages: list[ShopLanguageType]
    currencies: list[str]
    support_email: str | None
    terms_url: str | None
    privacy_url: str | None


def _locale(language: str | None) -> Locale:
    try:
        return Locale.parse((language or "EN").lower())
    except (ValueError, TypeError):
        return Locale.parse("en")


def shop_of(settings: Settings, language: str | None) -> ShopType:
    locale = _locale(language)
    shop = settings.shop

    def country(code: str) -> ShopCountryType:
        return ShopCountryType(code=code, name=locale.territories.get(code, code),
                               prices_shown_with_tax=code not in shop.prices_without_tax)

    default = shop.default_country or settings.supported_countries[0]
    return ShopType(
        name=shop.name, description=shop.description, default_country=country(default),
        supported_countries=[country(code) for code in settings.supported_countries],
        languages=[ShopLanguageType(code=code,
                                    name=locale.languages.get(code.lower(), code))
                   for code in shop.languages],
        currencies=list(CURRENCIES), support_email=shop.support_email,
        terms_url=shop.terms_url, privacy_url=shop.privacy_url)


@strawberry.type
class ShopQuery:
    @strawberry.field(description="The marketplace: countries, languages, currencies, links.")
    def shop(self, info: Info,
             language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
             ) -> ShopType:
        return shop_of(info.context.runtime.settings, language_code)
