"""``/graphql`` in front of strawberry: persisted queries, and cached anonymous reads.

Every request first has its persisted query resolved (:mod:`engine.cache.persisted`).
With the response cache on (``RUTA_RESPONSE_CACHE=1``), an anonymous request (no
``Authorization`` header) for a cacheable document (:mod:`engine.cache.documents`) reads
the versions (one statement) and is answered from this worker's store when an entry made
under the same versions is there and its time boundary has not passed; otherwise
strawberry runs it and an answer without errors is stored. Responses of the cacheable path
carry an ``ETag`` (a matching ``If-None-Match`` gets ``304``) and ``X-Ruta-Cache: hit`` or
``miss``; ``GET`` ones add ``Cache-Control: public, max-age=N, must-revalidate``
(``RUTA_CACHE_MAX_AGE``, default 0: a CDN revalidates every time). Everything else
(mutations, signed-in viewers, multipart) goes to strawberry untouched.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine.cache import request as cache_state
from engine.cache.documents import DocumentAnalyser
from engine.cache.http import etag_matches, json_bytes, language, replay, send_answer
from engine.cache.persisted import PersistedQueries, PersistedQueryError, sha256_hex
from engine.cache.request import SCOPE_KEY, CacheScope, next_midnight
from engine.cache.store import Entry, ResponseStore
from engine.cache.versions import read_versions
from engine.cache.watchers import notice
from engine.runtime import Runtime


class CachedGraphQL:
    def __init__(self, app: ASGIApp, runtime: Runtime, analyser: DocumentAnalyser) -> None:
        settings = runtime.settings
        self.app = app
        self.runtime = runtime
        self.analyser = analyser
        self.enabled = settings.response_cache
        self.max_age = settings.cache_max_age
        self.store = ResponseStore(settings.cache_max_entries)
        self.persisted = PersistedQueries(settings.persisted_queries_max)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        data = await self._payload(request)
        if data is None:
            consumed: bytes | None = getattr(request, "_body", None)
            await self.app(scope, receive if consumed is None else replay(consumed), send)
            return
        raw: bytes | None = getattr(request, "_body", b"")  # None: rewrite from ``data``
        query = data.get("query")
        extensions = data.get("extensions")
        persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
        if persisted is not None and isinstance(extensions, dict):
            try:
                query = self.persisted.resolve(query if isinstance(query, str) else None,
                                               persisted)
            except PersistedQueryError as exc:
                await send_answer(send, exc.status, json_bytes(exc.body()),
                            {"content-type": "application/json"})
                return
            data = {**data, "query": query,
                    "extensions": {k: v for k, v in extensions.items()
                                   if k != "persistedQuery"}}
            raw = None
        if not self.enabled or not isinstance(query, str) or "authorization" in request.headers:
            await self._forward(scope, data, raw, send)
            return
        digest = sha256_hex(query)
        facts = self.analyser.facts(digest, query)
        if not facts.cacheable:
            await self._forward(scope, data, raw, send)
            return
        async with self.runtime.db.engine.connect() as conn:
            versions = await read_versions(conn)
        await notice(self.runtime, versions)
        key = (digest, data.get("operationName"),
               json.dumps(data.get("variables"), sort_keys=True), language(request))
        now = cache_state.now_utc()
        entry = self.store.get(key, versions, now)
        if entry is not None:
            await self._answer(request, send, 200, entry.body, entry.etag, "hit")
            return
        state = CacheScope(versions=versions)
        status, headers, body = await self._capture(scope, data, raw, state)
        if status != 200 or not state.shareable or (b'"errors"' in body and \
                "errors" in json.loads(body)):
            await send_answer(send, status, body, headers)
            return
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        boundary = next_midnight(now)
        if state.expires_at is not None and state.expires_at < boundary:
            boundary = state.expires_at
        deps = tuple((name, versions.get(name, 0)) for name in facts.depends_on)
        if boundary > now:
            self.store.put(key, Entry(body, etag, deps, boundary))
        await self._answer(request, send, status, body, etag, "miss")

    async def _answer(self, request: Request, send: Send, status: int, body: bytes,
                      etag: str, outcome: str) -> None:
        headers = {"content-type": "application/json", "etag": etag,
                   "x-ruta-cache": outcome, "vary": "Accept-Language"}
        if request.method == "GET":
            headers["cache-control"] = f"public, max-age={self.max_age}, must-revalidate"
        if etag_matches(request.headers.get("if-none-match"), etag):
            await send_answer(send, 304, b"", {k: v for k, v in headers.items()
                                         if k != "content-type"})
            return
        await send_answer(send, status, body, headers)

    async def _payload(self, request: Request) -> dict[str, Any] | None:
        """The request's GraphQL parameters, or None to let strawberry handle it as is."""
        try:
            if request.method == "GET":
                params = request.query_params
                if "query" not in params and "extensions" not in params:
                    return None
                return {"query": params.get("query"), "operationName": params.get("operationName"),
                        "variables": json.loads(params.get("variables") or "null"),
                        "extensions": json.loads(params.get("extensions") or "null")}
            if request.method != "POST" or \
                    "application/json" not in request.headers.get("content-type", ""):
                return None
            data = json.loads(await request.body())
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def _rewritten(self, scope: Scope, data: dict[str, Any],
                   raw: bytes | None) -> tuple[Scope, bytes]:
        if raw is not None:  # unchanged: strawberry gets the request as it came
            return dict(scope), raw
        if scope["method"] == "GET":
            params = {k: v if isinstance(v, str) else json.dumps(v)
                      for k, v in data.items() if v is not None}
            return {**scope, "query_string": urlencode(params).encode()}, b""
        body = json_bytes(data)
        headers = [(k, v) for k, v in scope["headers"] if k != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        return {**scope, "headers": headers}, body

    async def _forward(self, scope: Scope, data: dict[str, Any], raw: bytes | None,
                       send: Send) -> None:
        inner, body = self._rewritten(scope, data, raw)
        await self.app(inner, replay(body), send)

    async def _capture(self, scope: Scope, data: dict[str, Any], raw: bytes | None,
                       state: CacheScope) -> tuple[int, dict[str, str], bytes]:
        inner, body = self._rewritten(scope, data, raw)
        inner[SCOPE_KEY] = state
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(inner, replay(body), capture)
        headers = {k.decode(): v.decode() for k, v in started.get("headers", [])
                   if k.lower() != b"content-length"}
        return int(started.get("status", 500)), headers, b"".join(chunks)
