"""Request bodies are bounded (413 before or while reading) and malformed JSON is a 400.

Issue 10, items 4 and 5: a 100 MB JSON body to ``/graphql`` used to be read and parsed, a
50 MB unsigned body to ``/webhooks/stripe`` was read before its signature was checked, and
``[`` x 100,000 raised RecursionError (500) in every request.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, compile_path

from engine.http.body_limits import BodyLimitMiddleware, BodyLimits
from engine.settings import Settings, SettingsError, settings_from_env
from tests.client import Client
from tests.stripe_fake import WEBHOOK_SECRET

MB = 1024 * 1024
CHUNK = 64 * 1024


class Body:
    """A request body streamed in 64 KiB chunks that counts how much the server pulled."""

    def __init__(self, total: int, first: bytes = b"") -> None:
        self.total, self.first, self.pulled = total, first, 0

    async def stream(self) -> AsyncIterator[bytes]:
        sent = 0
        while sent < self.total:
            chunk = (self.first if sent == 0 and self.first else b" " * CHUNK)[:self.total - sent]
            self.pulled += len(chunk)
            sent += len(chunk)
            yield chunk


async def post(http: httpx.AsyncClient, path: str, body: Body, *, declared: bool,
               content_type: str = "application/json") -> httpx.Response:
    headers = {"content-type": content_type}
    if declared:
        headers["content-length"] = str(body.total)
    return await http.post(path, content=body.stream(), headers=headers)


def too_large(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    return body


async def test_a_100_mb_graphql_body_is_refused_by_its_content_length_unread(
        client: Client) -> None:
    body = Body(100 * MB, b'{"query": "{ __typename }", "pad": "')
    response = await post(client.http, "/graphql", body, declared=True)
    error = too_large(response)["errors"][0]
    assert error["extensions"] == {"code": "PAYLOAD_TOO_LARGE", "limit": MB}
    assert body.pulled == 0


async def test_a_chunked_graphql_body_is_cut_off_at_the_limit(client: Client) -> None:
    body = Body(100 * MB, b'{"query": "{ __typename }", "pad": "')
    response = await post(client.http, "/graphql", body, declared=False)
    assert too_large(response)["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert body.pulled <= MB + CHUNK  # the server stopped reading at the limit


async def test_a_50_mb_unsigned_webhook_is_refused_before_it_is_read(plugged: Any) -> None:
    async with plugged(stripe_webhook_secret=WEBHOOK_SECRET) as client:
        for declared in (True, False):
            body = Body(50 * MB, b'{"id": "evt_1", "pad": "')
            response = await post(client.http, "/webhooks/stripe", body, declared=declared)
            assert too_large(response) == {
                "error": "The request body is larger than 524288 bytes.",
                "code": "PAYLOAD_TOO_LARGE", "limit": 512 * 1024}
            assert body.pulled <= (0 if declared else 512 * 1024 + CHUNK)


async def test_bodies_within_the_limits_still_work(plugged: Any) -> None:
    async with plugged(max_body_bytes=2000) as client:
        query = {"query": "{ __typename }"}
        small = await client.http.post("/graphql", json=query)
        assert (small.status_code, small.json()) == (200, {"data": {"__typename": "Query"}})
        exact = json.dumps({**query, "pad": ""}).encode()
        exact = exact[:-2] + b" " * (2000 - len(exact)) + exact[-2:]
        assert len(exact) == 2000
        at_limit = await client.http.post("/graphql", content=exact,
                                          headers={"content-type": "application/json"})
        assert at_limit.status_code == 200, at_limit.text
        over = await client.http.post("/graphql", content=exact + b" ",
                                      headers={"content-type": "application/json"})
        assert over.status_code == 413


async def test_multipart_uploads_to_graphql_have_their_own_larger_limit() -> None:
    """Strawberry's multipart uploads are off, so an endpoint that reads the whole body
    stands in for ``/graphql`` behind the same middleware and default limits."""

    async def read_all(request: Request) -> Response:
        return JSONResponse({"read": len(await request.body())})

    app = Starlette(routes=[Route("/graphql", read_all, methods=["POST"])], middleware=[
        Middleware(BodyLimitMiddleware, limits=BodyLimits.from_settings(Settings()))])
    content_type = "multipart/form-data; boundary=ruta"
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        for declared in (True, False):
            two_mb = Body(2 * MB)  # over the JSON limit, under the upload limit
            response = await post(http, "/graphql", two_mb, declared=declared,
                                  content_type=content_type)
            assert response.json() == {"read": 2 * MB}
            json_two_mb = Body(2 * MB)
            assert (await post(http, "/graphql", json_two_mb,
                               declared=declared)).status_code == 413
            huge = Body(25 * MB)
            assert (await post(http, "/graphql", huge, declared=declared,
                               content_type=content_type)).status_code == 413
            assert huge.pulled <= (0 if declared else 20 * MB + CHUNK)


def test_which_limit_applies() -> None:
    limits = BodyLimits.from_settings(Settings())
    assert limits.for_request("/graphql", "application/json") == MB
    assert limits.for_request("/graphql", "multipart/form-data; boundary=x") == 20 * MB
    assert limits.for_request("/webhooks/stripe", "application/json") == 512 * 1024
    assert limits.for_request("/downloads/x", "") == MB
    pages = BodyLimits.from_settings(Settings(), [compile_path("/shop/{id}/pictures")[0]])
    assert pages.for_request("/shop/7/pictures", "multipart/form-data; boundary=x") == 20 * MB
    assert pages.for_request("/shop/7/pictures", "application/x-www-form-urlencoded") == MB
    assert pages.for_request("/shop/7/pictures/1", "multipart/form-data; boundary=x") == MB
    assert limits.for_request("/shop/7/pictures", "multipart/form-data; boundary=x") == MB


def test_limits_are_settings() -> None:
    settings = settings_from_env({"RUTA_MAX_BODY_BYTES": "4096", "RUTA_MAX_UPLOAD_BYTES": "8192",
                                  "RUTA_MAX_WEBHOOK_BYTES": "1024"})
    assert (settings.max_body_bytes, settings.max_upload_bytes,
            settings.max_webhook_bytes) == (4096, 8192, 1024)
    for bad in ({"RUTA_MAX_BODY_BYTES": "0"}, {"RUTA_MAX_WEBHOOK_BYTES": "lots"}):
        try:
            settings_from_env(bad)
        except SettingsError:
            continue
        raise AssertionError(f"{bad} was accepted")


async def test_a_bad_content_length_is_a_400(client: Client) -> None:
    response = await client.http.post("/graphql", content=b"{}", headers={
        "content-type": "application/json", "content-length": "two"})
    assert response.status_code == 400


async def test_deeply_nested_json_is_a_400_not_a_500(client: Client) -> None:
    nested = "[" * 100_000
    response = await client.http.post("/graphql", content=nested,
                                      headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    in_variables = ('{"query": "{ __typename }", "variables": {"a": ' + "[" * 100_000
                    + "]" * 100_000 + "}}")
    response = await client.http.post("/graphql", content=in_variables,
                                      headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    # and the server is fine afterwards
    ok = await client.http.post("/graphql", json={"query": "{ __typename }"})
    assert ok.json() == {"data": {"__typename": "Query"}}
