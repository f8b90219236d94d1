"""Process state derived from the database, refreshed when a cache version moves.

A plugin that keeps something in memory (e.g. a tax plugin's snapshot of vendor facts)
registers ``watch(TAX_FACTS, refresh)``; whenever a request reads the versions (the
response cache, ``totalCount``) and finds that one changed since this worker last looked,
the worker awaits ``refresh(runtime)`` before it computes the answer, so a change made
through another worker is not cached under the new version with the old facts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping
from weakref import WeakKeyDictionary

from engine.cache.versions import check_names
from engine.runtime import Runtime

Refresh = Callable[[Runtime], Awaitable[None]]

_watchers: dict[str, list[tuple[Refresh, object | None]]] = defaultdict(list)
_seen: WeakKeyDictionary[Runtime, dict[str, int]] = WeakKeyDictionary()


def watch(name: str, refresh: Refresh, plugin: object | None = None) -> None:
    """Await ``refresh(runtime)`` in a worker when it sees version ``name`` change (and,
    given ``plugin``, only in apps where that plugin is registered)."""
    check_names([name])
    if (refresh, plugin) not in _watchers[name]:
        _watchers[name].append((refresh, plugin))


async def notice(runtime: Runtime, versions: Mapping[str, int]) -> None:
    seen = _seen.get(runtime)
    _seen[runtime] = dict(versions)
    for name, refreshers in _watchers.items():
        if seen is not None and seen.get(name) == versions.get(name):
            continue
        for refresh, plugin in refreshers:
            if plugin is None or runtime.plugins.is_registered(plugin):
                await refresh(runtime)
