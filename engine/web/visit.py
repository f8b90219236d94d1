"""One page request as a plugin handler sees it: session, language, formatting, GraphQL.

Handlers are ``async def handler(visit: Visit) -> Response``. ``await visit.graphql(name,
**variables)`` runs one of the site's documents as the signed-in user (refreshing the access
token first when it is about to expire); ``visit.render(template, **values)`` renders a
page; ``visit.redirect(url)`` answers ``303 See Other``.
"""

from __future__ import annotations

import base64
import gettext as gettext_module
import json
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from markupsafe import Markup
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from engine.web import csrf
from engine.web.execution import GraphQLResult
from engine.web.formatting import Formatter, viewer_time_zone
from engine.web.i18n import NAMES, PSEUDO, RTL
from engine.web.session import WebSession

if TYPE_CHECKING:
    from engine.web.site import WebSite

REFRESH = """mutation TokenRefresh($refreshToken: String!) {
  tokenRefresh(refreshToken: $refreshToken) { token refreshToken errors { code } } }"""
REVOKE = """mutation TokenRevoke($refreshToken: String!) {
  tokenRevoke(refreshToken: $refreshToken) { ok } }"""
#: Refresh the access token when it has less than this many seconds left.
REFRESH_MARGIN = 30


def token_expiry(token: str) -> float:
    """The ``exp`` of a JWT (read, not verified: the engine verifies it on every use)."""
    try:
        payload = token.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        return float(json.loads(base64.urlsafe_b64decode(payload))["exp"])
    except (IndexError, KeyError, ValueError, TypeError):
        return 0.0


class Visit:
    def __init__(self, site: WebSite, request: Request, session: WebSession, lang: str,
                 translations: gettext_module.NullTranslations) -> None:
        self.site = site
        self.request = request
        self.session = session
        self.lang = lang
        self.translations = translations
        place = site.place(request) if site.place is not None else None
        self.time_zone = viewer_time_zone(session.time_zone if session.signed_in else None,
                                          place, session.country)
        self.format = Formatter(lang, self.time_zone)
        self.form: FormData = FormData()
        self.notice: str | None = None

    # --- translation -----------------------------------------------------------------------
    def gettext(self, message: str, **values: Any) -> str:
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: Any) -> str:
        text = self.translations.ngettext(singular, plural, n)
        return text % {"num": n, **values}

    # --- GraphQL ---------------------------------------------------------------------------
    async def graphql(self, name: str, **variables: Any) -> GraphQLResult:
        """Run the site's document ``name`` as the signed-in user (or anonymously)."""
        await self._fresh_token()
        return await self.site.kit.execute(self.request, self.site.documents[name], variables,
                                           token=self.session.access, language=self.lang)

    async def _fresh_token(self) -> None:
        session = self.session
        if session.refresh is None or session.expires - REFRESH_MARGIN > time.time():
            return
        result = await self.site.kit.execute(self.request, REFRESH,
                                             {"refreshToken": session.refresh}, token=None,
                                             language=self.lang)
        payload = result.data.get("tokenRefresh") or {}
        if payload.get("token") and payload.get("refreshToken"):
            session.rotate(payload["token"], payload["refreshToken"],
                           token_expiry(payload["token"]))
        else:
            session.sign_out()

    async def sign_out(self) -> None:
        """End this session: the engine spends its refresh token (``tokenRevoke``), so a
        copied session cookie cannot be refreshed again; then the cookie forgets the tokens."""
        if self.session.refresh is not None:
            await self.site.kit.execute(self.request, REVOKE,
                                        {"refreshToken": self.session.refresh}, token=None,
                                        language=self.lang)
        self.session.sign_out()

    def sign_in(self, token: str, refresh: str, user: dict[str, Any]) -> None:
        self.session.sign_in(token, refresh, token_expiry(token), user)

    # --- responses -------------------------------------------------------------------------
    def csrf_field(self) -> Markup:
        token = csrf.issue(self.site.kit.csrf_key, self.session.sid)
        return Markup('<input type="hidden" name="{}" value="{}">').format(csrf.FIELD, token)

    def lang_url(self, code: str) -> str:
        query = dict(self.request.query_params)
        query["lang"] = code
        return f"{self.request.url.path}?{urlencode(query)}"

    def render(self, template: str, *, status_code: int = 200, **values: Any) -> HTMLResponse:
        flash, self.session.flash = self.session.flash, None
        if flash is not None:
            self.session.changed = True
        layout = self.site.layout(self) if self.site.layout is not None else {}
        context = {
            **layout, "visit": self, "session": self.session, "lang": self.lang,
            "languages": [(code, NAMES[code]) for code in self.site.languages],
            "pseudo": self.lang == PSEUDO, "dir": "rtl" if self.lang in RTL else "ltr",
            "notice": self.notice or flash,
            "csrf_field": self.csrf_field, "lang_url": self.lang_url,
            "_": self.gettext, "gettext": self.gettext, "ngettext": self.ngettext,
            "path": self.request.url.path, **self.format.filters(), **values,
        }
        html = self.site.env.get_template(template).render(context)
        return HTMLResponse(html, status_code=status_code)

    def redirect(self, url: str, *, notice: str | None = None) -> RedirectResponse:
        if notice is not None:
            self.session.flash = notice
            self.session.changed = True
        return RedirectResponse(url, status_code=303)

    def not_found(self) -> Response:
        return self.render(self.site.error_template, status_code=404,
                           message=self.gettext("This page does not exist or is not yours."))
