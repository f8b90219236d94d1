"""``create_app(settings)``: the ASGI application (``/graphql``, ``/health``)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pluggy
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

import engine.db.models  # noqa: F401  (complete metadata)
from engine import maintenance, parent_watch
from engine.api.context import Context
from engine.api.schema import build_schema
from engine.cache.documents import DocumentAnalyser
from engine.cache.endpoint import CachedGraphQL
from engine.db import health as db_health
from engine.db.database import Database, PoolLimits
from engine.db.timeouts import Timeouts
from engine.events.dispatcher import Dispatcher
from engine.gc_tuning import settle_heap
from engine.http import json_body
from engine.http.body_limits import BodyLimitMiddleware, BodyLimits
from engine.http.faults import UnavailableMiddleware
from engine.http.headers import SecurityHeadersMiddleware
from engine.media import routes as media_routes
from engine.notifications import unsubscribe
from engine.orders import downloads
from engine.payments import webhooks
from engine.plugins.manager import build_plugin_manager
from engine.runtime import Runtime
from engine.secret_key import with_secret_key
from engine.settings import Settings, settings_from_env
from engine.web.kit import WebKit, web_routes

REQUEST_RUNTIME = "ruta.runtime"


class RutaGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI app with Ruta's typed context."""

    def __init__(self, runtime: Runtime, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.runtime = runtime

    async def get_context(self, request: Any, response: Any) -> Context:
        scoped = self.runtime.for_request()
        request.scope[REQUEST_RUNTIME] = scoped
        return Context(request=request, response=response, runtime=scoped)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            scoped = scope.pop(REQUEST_RUNTIME, None)
            if scoped is not None:
                await scoped.db.release()

    def decode_json(self, data: str | bytes) -> object:
        return json_body.decode(data)  # deep nesting is a 400, not a RecursionError


def build_runtime(settings: Settings, plugins: pluggy.PluginManager | None = None) -> Runtime:
    if plugins is None:
        plugins = build_plugin_manager(disabled=settings.disabled_plugins)
    plugins.hook.ruta_models()
    settings = with_secret_key(settings)
    pool = PoolLimits(size=settings.db_pool_size, overflow=settings.db_max_overflow,
                      timeout=settings.db_pool_timeout, recycle=settings.db_pool_recycle)
    db = Database(settings.database_url, pool=pool, timeouts=Timeouts.from_settings(settings))
    runtime = Runtime(settings, db, plugins)
    runtime.dispatcher = Dispatcher(runtime)
    return runtime


def create_app(settings: Settings | None = None, *, plugins: pluggy.PluginManager | None = None,
               runtime: Runtime | None = None) -> Starlette:
    """Build the app. Pass ``runtime`` to share one (tests), or settings and plugins."""
    if runtime is None:
        runtime = build_runtime((settings or settings_from_env()).validate(), plugins)
    settings = runtime.settings
    schema = build_schema(runtime.plugins, settings)
    graphql_app = RutaGraphQL(runtime, schema=schema,
                              graphql_ide="graphiql" if settings.graphiql else None,
                              multipart_uploads_enabled=True)
    graphql_endpoint = CachedGraphQL(
        graphql_app, runtime, DocumentAnalyser(schema._schema, runtime.plugins))

    async def health(_request: Request) -> Response:
        status = await db_health.probe(runtime.db, settings.health_probe_timeout)
        body: dict[str, object] = {"status": status}
        if status == "degraded":
            body.update(database="slow", probe=db_health.PROBE_TABLE,
                        timeout=settings.health_probe_timeout)
        return JSONResponse(body, status_code=200 if status == "ok" else 503,
                            headers=None if status == "ok" else {"Retry-After": "5"})

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        assert runtime.dispatcher is not None
        settle_heap(settings)
        poller = asyncio.create_task(maintenance.run_forever(runtime))
        try:
            yield
        finally:
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller
            await runtime.db.dispose()

    web = WebKit(runtime, schema, graphql_app)
    pages = web_routes(runtime.plugins, web)  # before the limits: pages declare uploads
    middleware = [Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                             allow_methods=["GET", "POST", "OPTIONS"],
                             allow_headers=["Authorization", "Content-Type"]),
                  Middleware(SecurityHeadersMiddleware), Middleware(UnavailableMiddleware),
                  Middleware(BodyLimitMiddleware, limits=BodyLimits.from_settings(
                      settings, web.upload_pages))]
    app = Starlette(
        debug=settings.debug,
        routes=[Route("/health", health),
                Route("/graphql", graphql_endpoint, methods=["GET", "POST"]),
                Route("/downloads/{token}", downloads.endpoint(runtime)),
                Route("/notifications/unsubscribe", unsubscribe.endpoint(runtime),
                      methods=["GET", "POST"]),
                Route("/media/{key:path}", media_routes.endpoint(runtime)),
                Route("/webhooks/stripe", webhooks.endpoint(runtime), methods=["POST"]),
                *(route for routes in runtime.plugins.hook.ruta_http_routes(runtime=runtime)
                  for route in routes or ()),
                *pages],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.state.schema = schema
    app.state.graphql = graphql_endpoint
    app.state.web = web
    return app


def app_from_env() -> Starlette:
    """Factory for uvicorn workers (``engine.app:app_from_env``)."""
    parent_watch.start_if_worker()
    return create_app(settings_from_env())
