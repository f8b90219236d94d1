"""``WebKit``: what ``ruta_web_routes`` hands a plugin to build web pages on the public API.

It holds the app's runtime, schema and GraphQL view, runs documents in process
(:meth:`WebKit.execute`, the same path as ``POST /graphql``), derives the keys that sign
session cookies and CSRF tokens from ``RUTA_SECRET_KEY``, builds sites
(:meth:`WebKit.site`) and lists the pages that take file uploads
(:meth:`WebKit.accept_uploads`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pluggy
from graphql import GraphQLSchema
from starlette.requests import Request
from starlette.routing import BaseRoute, compile_path
from strawberry import Schema

from engine.runtime import Runtime
from engine.web.execution import ContextFactory, GraphQLResult, execute
from engine.web.session import derive_key
from engine.web.site import LayoutValues, PlaceReader, WebSite


class WebKit:
    def __init__(self, runtime: Runtime, schema: Schema, view: ContextFactory) -> None:
        self.runtime = runtime
        self.schema = schema
        self.view = view
        self.session_key = derive_key(runtime.settings.secret_key, "session")
        self.csrf_key = derive_key(runtime.settings.secret_key, "csrf")
        self.upload_pages: list[re.Pattern[str]] = []

    @property
    def graphql_schema(self) -> GraphQLSchema:
        return self.schema._schema

    def site(self, folder: Path, *, error_template: str = "error.html",
             place: PlaceReader | None = None,
             layout: LayoutValues | None = None) -> WebSite:
        """The pages in ``folder``; ``place`` reads the visitor's chosen (country, postal
        code) from the request, so that pages show times in that place's time zone;
        ``layout(visit)`` gives values every page's layout needs (the kit's own error pages,
        such as an expired form's, are rendered with them too)."""
        return WebSite(self, folder, error_template=error_template, place=place,
                       layout=layout)

    def accept_uploads(self, path: str) -> None:
        """Let multipart posts to ``path`` (the full path template, e.g.
        ``/dashboard/products/{product_id}/images``) be as large as ``POST /graphql``
        uploads (``RUTA_MAX_UPLOAD_BYTES``) instead of ``RUTA_MAX_BODY_BYTES``, so that the
        page can hand the file to an ``Upload`` argument, which checks its size and type."""
        self.upload_pages.append(compile_path(path)[0])

    async def execute(self, request: Request, document: str,
                      variables: dict[str, Any] | None = None, *, token: str | None = None,
                      language: str = "en") -> GraphQLResult:
        """Run ``document`` in process as the holder of ``token`` (None: anonymously)."""
        return await execute(self.schema, self.view, request, document, variables,
                             token=token, language=language)


def web_routes(plugins: pluggy.PluginManager, kit: WebKit) -> list[BaseRoute]:
    """Every plugin's routes from ``ruta_web_routes``, in registration order."""
    routes: list[BaseRoute] = []
    for contribution in reversed(plugins.hook.ruta_web_routes(web=kit)):
        routes.extend(contribution or ())
    return routes


__all__ = ["GraphQLResult", "WebKit", "WebSite", "web_routes"]
