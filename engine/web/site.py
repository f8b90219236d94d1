"""A plugin's web site: its templates, catalogs, GraphQL documents and static files.

``site = web.site(Path(__file__).parent, name="dashboard")`` expects in that folder
``templates/`` (Jinja2), ``graphql/`` (``*.graphql`` documents), ``locales/`` (``.po``
catalogs) and optionally ``static/``. ``site.page(handler)`` wraps a handler with what every
page needs: the session cookie, the language, CSRF and once-only checks on ``POST``, and
security headers; ``site.mount("/prefix", routes)`` returns the ``Mount`` to hand back from
``ruta_web_routes`` (or ``site.at_root(routes)`` for a site served at ``/``, the storefront).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from engine.web import csrf, once
from engine.web.documents import load_documents
from engine.web.execution import COUNTER
from engine.web.headers import SecurityHeaders
from engine.web.i18n import NAMES, PSEUDO, choose_language, load_catalogs
from engine.web.session import COOKIE, LANG_COOKIE, MAX_AGE, WebSession, dump, load
from engine.web.visit import Visit

if TYPE_CHECKING:
    from engine.web.kit import WebKit

Handler = Callable[[Visit], Awaitable[Response]]
#: Where a visitor said they are, read from the request (country, postal code), or None.
PlaceReader = Callable[[Request], tuple[str, str] | None]
#: Values every page of a site needs in its layout (also on the kit's own error pages).
LayoutValues = Callable[[Visit], dict[str, Any]]
DOCUMENT_COUNT_HEADER = "ruta-graphql-documents"


class WebSite:
    def __init__(self, kit: WebKit, folder: Path, *, error_template: str = "error.html",
                 place: PlaceReader | None = None, layout: LayoutValues | None = None) -> None:
        self.kit = kit
        self.folder = folder
        self.error_template = error_template
        #: The visitor's chosen place, for the time zone of pages (see ``viewer_time_zone``).
        self.place = place
        #: Values for the layout of every page it renders, the kit's error pages included.
        self.layout = layout
        self.env = Environment(loader=FileSystemLoader(folder / "templates"),
                               autoescape=select_autoescape(default=True),
                               extensions=["jinja2.ext.i18n"])
        self.catalogs = load_catalogs(folder / "locales")
        self.documents = load_documents(folder / "graphql", kit.graphql_schema)
        #: English and every language with a catalog, in the switcher's order.
        self.languages = tuple(code for code in NAMES if code in self.catalogs)

    def _language(self, request: Request, session: WebSession) -> str:
        from_query = request.query_params.get("lang", "").lower()
        allow_pseudo = not self.kit.runtime.settings.is_production
        offered = from_query in self.languages or (allow_pseudo and from_query == PSEUDO)
        if offered and session.chosen_lang != from_query:
            session.chosen_lang = from_query
            session.changed = True
        return choose_language(explicit=session.chosen_lang, account=session.account_lang,
                               cookie=request.cookies.get(LANG_COOKIE),
                               accept=request.headers.get("accept-language", ""),
                               allow_pseudo=allow_pseudo, languages=self.languages)

    def page(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        kit = self.kit

        async def endpoint(request: Request) -> Response:
            session = load(request.cookies.get(COOKIE), kit.session_key)
            lang = self._language(request, session)
            visit = Visit(self, request, session, lang,
                          self.catalogs.get(lang) or self.catalogs["en"])
            if request.method == "POST":
                response = await self._post(visit, handler)
            else:
                response = await handler(visit)
            self._finish(visit, response)
            return response

        return endpoint

    async def _post(self, visit: Visit, handler: Handler) -> Response:
        runtime = self.kit.runtime
        visit.form = await visit.request.form()
        token = visit.form.get(csrf.FIELD)
        nonce = csrf.verify(self.kit.csrf_key, visit.session.sid,
                            token if isinstance(token, str) else None)
        if nonce is None:
            return visit.render(self.error_template, status_code=403, message=visit.gettext(
                "This form has expired or did not come from this site. Please try again."))
        if not await once.claim(runtime, nonce):
            first = await once.outcome(runtime, nonce)
            return visit.redirect(first or visit.request.url.path, notice=visit.gettext(
                "This form was already sent; it was not sent again."))
        response = await handler(visit)
        location = response.headers.get("location")
        if location is not None:
            await once.remember_outcome(runtime, nonce, location)
        return response

    def _finish(self, visit: Visit, response: Response) -> None:
        settings = self.kit.runtime.settings
        if visit.session.changed:
            response.set_cookie(COOKIE, dump(visit.session, self.kit.session_key),
                                max_age=MAX_AGE, path="/", httponly=True, samesite="lax",
                                secure=settings.is_production)
        if visit.request.query_params.get("lang", "").lower() == visit.lang:
            response.set_cookie(LANG_COOKIE, visit.lang, max_age=365 * 24 * 3600, path="/",
                                httponly=True, samesite="lax", secure=settings.is_production)
        if not settings.is_production:
            response.headers[DOCUMENT_COUNT_HEADER] = str(
                visit.request.state.__dict__.get(COUNTER, 0))

    def mount(self, prefix: str, routes: Sequence[BaseRoute]) -> Mount:
        """The plugin's routes under ``prefix`` (static files at ``prefix/static``), with the
        security headers on every response."""
        all_routes = list(routes)
        static = self.folder / "static"
        if static.is_dir():
            all_routes.append(Mount("/static", app=StaticFiles(directory=static),
                                    name="static"))
        return Mount(prefix, routes=all_routes, middleware=[Middleware(SecurityHeaders)])

    def at_root(self, routes: Sequence[BaseRoute]) -> list[BaseRoute]:
        """The plugin's routes at the site's root, each with the security headers, and its
        static files at ``/static`` (no catch-all ``Mount("")``: other plugins' mounts and
        the core's routes stay reachable)."""
        out: list[BaseRoute] = []
        headers = [Middleware(SecurityHeaders)]
        for route in routes:
            if isinstance(route, Route):
                methods = sorted((route.methods or {"GET"}) - {"HEAD"})
                out.append(Route(route.path, route.endpoint, methods=methods, name=route.name,
                                 middleware=headers))
            else:
                out.append(route)
        static = self.folder / "static"
        if static.is_dir():
            out.append(Mount("/static", app=StaticFiles(directory=static), name="static",
                             middleware=headers))
        return out
