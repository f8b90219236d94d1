"""``ruta_http_routes``: a plugin mounts its own HTTP endpoints next to ``/graphql``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from engine.plugins.markers import hookimpl
from engine.runtime import Runtime


class Hello:
    @hookimpl
    def ruta_http_routes(self, runtime: Runtime) -> Sequence[Route]:
        async def hello(request: Request) -> Response:
            return PlainTextResponse(f"hello {request.path_params['name']} from "
                                     f"{runtime.settings.mode}")

        return [Route("/hello/{name}", hello)]


async def test_a_plugins_route_is_served(plugged: Any) -> None:
    async with plugged(Hello(), core_only=True) as client:
        response = await client.http.get("/hello/ana")
        assert (response.status_code, response.text) == (200, "hello ana from development")
        assert (await client.http.get("/hello")).status_code == 404
