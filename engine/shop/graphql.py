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


@strawberry.type(name="CardPayments",
                 description="How a storefront takes cards with Stripe.js.")
class CardPaymentsType:
    gateway: str = strawberry.field(description="The paymentGateway for checkoutComplete.")
    publishable_key: str = strawberry.field(description="Stripe's publishable key (pk_...).")
    script_url: str = strawberry.field(description="Where the browser loads Stripe.js from.")


def card_payments(settings: Settings) -> CardPaymentsType | None:
    """Set only when Stripe has both keys: the secret one (server) and the publishable one."""
    if not (settings.stripe_secret_key and settings.stripe_publishable_key):
        return None
    return CardPaymentsType(gateway="stripe", publishable_key=settings.stripe_publishable_key,
                            script_url=settings.stripe_js_url)


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
    card_payments: CardPaymentsType | None = strawberry.field(description=(
        "Card payments with Stripe.js (null when Stripe is not configured: then only the "
        "other gateways, e.g. the demo's dummy one, take payments)."))


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
        terms_url=shop.terms_url, privacy_url=shop.privacy_url,
        card_payments=card_payments(settings))


@strawberry.type
class ShopQuery:
    @strawberry.field(description="The marketplace: countries, languages, currencies, links.")
    def shop(self, info: Info,
             language_code: LanguageCodeEnum | None = None,  # type: ignore[valid-type]
             ) -> ShopType:
        return shop_of(info.context.runtime.settings, language_code)
