"""The per-request context: runtime, the signed-in user (resolved once), DataLoaders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from engine.accounts.models import User
from engine.accounts.service import user_for_access_token
from engine.cache.request import SCOPE_KEY, CacheScope
from engine.cache.versions import read_versions
from engine.cache.watchers import notice
from engine.errors import NotAuthenticated
from engine.runtime import Runtime

K = TypeVar("K")
V = TypeVar("V")

_UNRESOLVED: Any = object()


@dataclass
class Context:
    request: Request | None
    response: Response | None
    runtime: Runtime
    _user: Any = _UNRESOLVED
    _loaders: dict[str, DataLoader[Any, Any]] = field(default_factory=dict)
    _cache: CacheScope | None = None
    #: The language of the web page running this operation in process (``engine.web``):
    #: the visitor chose or was given it, so its messages come in it.
    page_language: str | None = None

    def bearer_token(self) -> str | None:
        if self.request is None:
            return None
        header = self.request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        return token.strip() if scheme.lower() == "bearer" and token.strip() else None

    def known_user(self) -> User | None:
        """The signed-in user if this request already resolved it (no query), else None."""
        return None if self._user is _UNRESOLVED else self._user  # type: ignore[no-any-return]

    def client_address(self) -> str | None:
        """The client's network address (the proxy's, unless uvicorn trusts its headers)."""
        if self.request is None or self.request.client is None:
            return None
        return self.request.client.host

    async def user(self) -> User | None:
        """The signed-in user, or None; an invalid or revoked token is an error."""
        if self._user is _UNRESOLVED:
            token = self.bearer_token()
            if token is None:
                self._user = None
            else:
                user = await user_for_access_token(self.runtime, token)
                if user is None:
                    raise NotAuthenticated("The access token is invalid, expired or revoked.")
                self._user = user
                self.cache.private()  # an answer for a signed-in viewer is never shared
        return self._user  # type: ignore[no-any-return]

    def loader(self, name: str, factory: Callable[[Runtime], DataLoader[K, V]]) -> DataLoader[K, V]:
        """The request's DataLoader called ``name``, created on first use."""
        existing = self._loaders.get(name)
        if existing is None:
            existing = self._loaders[name] = factory(self.runtime)
        return existing

    @property
    def cache(self) -> CacheScope:
        """This request's cache state (the response cache's, or a private one)."""
        if self._cache is None:
            given = self.request.scope.get(SCOPE_KEY) if self.request is not None else None
            self._cache = given if isinstance(given, CacheScope) else CacheScope()
        return self._cache

    def vary_until(self, moment: datetime) -> None:
        """Declare that this result changes at ``moment``: a cached copy expires then."""
        self.cache.vary_until(moment)

    async def cache_versions(self) -> dict[str, int]:
        """The cache versions, read once per request (one statement)."""
        if self.cache.versions is None:
            async with self.runtime.db.read() as session:  # the request's one connection
                self.cache.versions = await read_versions(await session.connection())
            await notice(self.runtime, self.cache.versions)
        return self.cache.versions


Info = StrawberryInfo[Context, None]
