"""Rendering a storefront page: the layout's values (buyer's place, countries, canonical and
``hreflang`` links) added to what the page gives."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from babel import Locale
from starlette.responses import HTMLResponse

from engine.plugins.api import Visit
from plugins.storefront.buyer import COUNTRIES, place_of


def absolute(visit: Visit, path: str, **query: str) -> str:
    base = str(visit.request.base_url).rstrip("/")
    return f"{base}{path}" + (f"?{urlencode(query)}" if query else "")


def isolate(text: str) -> str:
    """Text kept in its own direction inside a sentence (a postal code such as 8000-283 in
    an Arabic sentence): Unicode first-strong isolate ... pop directional isolate."""
    return f"\u2068{text}\u2069"


def layout_values(visit: Visit) -> dict[str, Any]:
    """What the layout of every page needs (``web.site(..., layout=layout_values)``)."""
    path = visit.request.url.path
    alternates = [(code, absolute(visit, path, lang=code)) for code in visit.site.languages]
    return {"place": place_of(visit), "countries": COUNTRIES,
            "canonical": absolute(visit, path, lang=visit.lang), "alternates": alternates,
            "x_default": absolute(visit, path),
            "country_names": Locale.parse(visit.format.locale).territories,
            "isolate": isolate}


def render(visit: Visit, template: str, *, status_code: int = 200,
           **values: Any) -> HTMLResponse:
    return visit.render(template, status_code=status_code, **values)


def not_found(visit: Visit) -> HTMLResponse:
    return render(visit, "error.html", status_code=404,
                  message=visit.gettext("This page does not exist."))
