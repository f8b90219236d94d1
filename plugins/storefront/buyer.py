"""What the storefront remembers about an anonymous buyer, in cookies: where they buy from
(country and postal code, for prices with the right VAT) and their cart (the checkout token).

Both cookies are HttpOnly and SameSite=Lax; neither holds anything secret but the checkout
id, which is the anonymous buyer's key to the cart (as the API treats it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from engine.plugins.api import Visit

PLACE_COOKIE = "ruta_place"
CART_COOKIE = "ruta_checkout"
YEAR = 365 * 24 * 3600
#: Countries a buyer can choose (the tax plugin knows Spain's and Portugal's territories).
COUNTRIES = ("ES", "PT", "FR", "DE", "IT", "BE", "NL", "IE", "RO")
DEFAULT_POSTAL = {"ES": "28001", "PT": "1000-001"}
#: Page language -> the API's ``LanguageCodeEnum``.
API_LANGUAGES = {"es": "ES", "pt": "PT", "en": "EN", "fr": "FR", "ar": "AR", "ro": "RO",
                 "uk": "UK"}
POSTAL_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z -]{1,9}$")


@dataclass(frozen=True)
class Place:
    country: str
    postal_code: str
    chosen: bool

    @property
    def cookie(self) -> str:
        return f"{self.country}:{self.postal_code}"


def chosen_place(request: Request) -> tuple[str, str] | None:
    """The (country, postal code) the buyer chose, from the cookie, or None."""
    country, _, postal = request.cookies.get(PLACE_COOKIE, "").partition(":")
    if country in COUNTRIES and POSTAL_RE.match(postal):
        return country, postal
    return None


def place_of(visit: Visit) -> Place:
    """The buyer's place from the cookie; else Portugal for Portuguese pages, else Spain."""
    chosen = chosen_place(visit.request)
    if chosen is not None:
        return Place(*chosen, True)
    country = "PT" if visit.lang == "pt" else "ES"
    return Place(country, DEFAULT_POSTAL[country], False)


def language_code(visit: Visit) -> str:
    return API_LANGUAGES.get(visit.lang, "EN")


def cart_token(visit: Visit) -> str | None:
    return visit.request.cookies.get(CART_COOKIE) or None


def _secure(visit: Visit) -> bool:
    return visit.request.url.scheme == "https"


def keep(visit: Visit, response: Response, name: str, value: str | None) -> Response:
    """Set (or, with None, forget) one of the buyer's cookies on ``response``."""
    if value is None:
        response.delete_cookie(name, path="/")
    else:
        response.set_cookie(name, value, max_age=YEAR, path="/", httponly=True,
                            samesite="lax", secure=_secure(visit))
    return response
