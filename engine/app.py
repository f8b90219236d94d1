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
from engine import maintenance
from engine.api.context import Context
from engine.api.schema import build_schema
from engine.db.database import Database, PoolLimits
from engine.events.dispatcher import Dispatcher
from engine.gc_tuning import settle_heap
from engine.orders import downloads
from engine.payments import webhooks
from engine.plugins.manager import build_plugin_manager
from engine.runtime import Runtime
from engine.settings import Settings, settings_from_env

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


def build_runtime(settings: Settings, plugins: pluggy.PluginManager | None = None) -> Runtime:
    if plugins is None:
        plugins = build_plugin_manager(disabled=settings.disabled_plugins)
    plugins.hook.ruta_models()
    pool = PoolLimits(size=settings.db_pool_size, overflow=settings.db_max_overflow,
                      timeout=settings.db_pool_timeout, recycle=settings.db_pool_recycle)
    runtime = Runtime(settings, Database(settings.database_url, pool=pool), plugins)
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
                              graphql_ide="graphiql" if settings.graphiql else None)

    async def health(_request: Request) -> Response:
        ok = await runtime.db.ping()
        return JSONResponse({"status": "ok" if ok else "unavailable"},
                            status_code=200 if ok else 503)

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

    middleware = [Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                             allow_methods=["GET", "POST", "OPTIONS"],
                             allow_headers=["Authorization", "Content-Type"])]
    app = Starlette(
        debug=settings.debug,
        routes=[Route("/health", health), Route("/graphql", graphql_app, methods=["GET", "POST"]),
                Route("/downloads/{token}", downloads.endpoint(runtime)),
                Route("/webhooks/stripe", webhooks.endpoint(runtime), methods=["POST"])],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.state.schema = schema
    return app


def app_from_env() -> Starlette:
    """Factory for uvicorn workers (``engine.app:app_from_env``)."""
    return create_app(settings_from_env())
