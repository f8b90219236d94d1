"""What one request learns about its own cacheability while it runs.

The endpoint puts a :class:`CacheScope` in the ASGI scope (``scope["ruta.cache"]``); the
GraphQL context finds it there. Resolvers and plugins declare through the context:

- ``info.context.vary_until(dt)``: "this result changes at ``dt``" (a promotion starting, an
  offer closing); the cached entry expires at the earliest such time;
- ``await info.context.cache_versions()``: the versions this request read (one statement).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

SCOPE_KEY = "ruta.cache"


def now_utc() -> datetime:
    """The cache's clock (tests replace it)."""
    return datetime.now(UTC)


def next_midnight(moment: datetime) -> datetime:
    """Tax rules change by date: no entry outlives the UTC day it was made on."""
    day = moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return day + timedelta(days=1)


@dataclass
class CacheScope:
    versions: dict[str, int] | None = None
    expires_at: datetime | None = None
    #: False once something made this response unfit to share (e.g. it is per viewer).
    shareable: bool = True
    extra: dict[str, object] = field(default_factory=dict)

    def vary_until(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        if self.expires_at is None or moment < self.expires_at:
            self.expires_at = moment

    def private(self) -> None:
        """Never store this response (it depends on who asks)."""
        self.shareable = False
