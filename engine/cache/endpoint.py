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

import asyncio
import hashlib
import json
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine.cache import request as cache_state
from engine.cache.documents import DocumentAnalyser
from engine.cache.http import (
    etag_matches,
    graphql_params,
    json_bytes,
    language,
    replay,
    send_answer,
)
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
        #: Misses being computed, by key and versions: concurrent equal misses wait for one.
        self.in_flight: dict[Any, asyncio.Future[Entry | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        data = await graphql_params(request)
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
        found = self.store.get(key, versions, now)
        if found is not None:
            await self._answer(request, send, 200, found.body, found.etag, "hit")
            return
        flight = (key, tuple(sorted(versions.items())))
        running = self.in_flight.get(flight)
        if running is not None:  # the same answer is being computed: share it
            shared = await asyncio.shield(running)
            if shared is not None:
                await self._answer(request, send, 200, shared.body, shared.etag, "hit")
                return
        future: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
        self.in_flight.setdefault(flight, future)
        entry: Entry | None = None
        try:
            status, headers, body, entry = await self._compute(scope, data, raw, versions,
                                                               facts.depends_on, now)
            if entry is not None:
                self.store.put(key, entry)
        finally:
            if self.in_flight.get(flight) is future:
                del self.in_flight[flight]
            if not future.done():
                future.set_result(entry)
        if entry is None:
            await send_answer(send, status, body, headers)
            return
        await self._answer(request, send, status, body, entry.etag, "miss")

    async def _compute(self, scope: Scope, data: dict[str, Any], raw: bytes | None,
                       versions: dict[str, int], depends_on: tuple[str, ...], now: datetime
                       ) -> tuple[int, dict[str, str], bytes, Entry | None]:
        """Run the request; the entry to store, unless the answer must not be shared."""
        state = CacheScope(versions=versions)
        status, headers, body = await self._capture(scope, data, raw, state)
        if status != 200 or not state.shareable or (b'"errors"' in body and
                                                    "errors" in json.loads(body)):
            return status, headers, body, None
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        boundary = next_midnight(now)
        if state.expires_at is not None and state.expires_at < boundary:
            boundary = state.expires_at
        if boundary <= now:
            return status, headers, body, None
        deps = tuple((name, versions.get(name, 0)) for name in depends_on)
        return status, headers, body, Entry(body, etag, deps, boundary)

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
