"""Sync-first resolvers over request DataLoaders.

A list that already loaded what its items select (``DataLoader.load_many`` before it
answers) lets each item's field resolve synchronously from the loader's cache: no task,
no future and no await per field, which is most of the executor's overhead on a page of
50 products. A field whose value is not loaded yet returns an awaitable instead, which
graphql-core awaits as it would an async resolver.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Iterable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
R = TypeVar("R")


# What ``from_loader(..., shared=True)`` built, per loader (so per request) and key.
_BUILT: WeakKeyDictionary[DataLoader[Any, Any], dict[Any, Any]] = WeakKeyDictionary()


def from_loader(loader: DataLoader[K, V], key: K, build: Callable[[V], R], *,
                shared: bool = False) -> R | Awaitable[R]:
    """``build(value)`` now when ``key`` is loaded, else an awaitable of it.

    ``shared``: ``build`` depends on the key alone, so what it made for a key is handed
    to every later field asking for that key in the same request (the five vendors of a
    50-product page are built five times, not fifty)."""
    future = loader.cache_map.get(key)
    if future is not None and future.done() and future.exception() is None:
        if not shared:
            return build(future.result())
        built = _BUILT.get(loader)
        if built is None:
            built = _BUILT[loader] = {}
        if key not in built:
            built[key] = build(future.result())
        return built[key]  # type: ignore[no-any-return]

    async def later() -> R:
        return build(await loader.load(key))

    return later()


def _fields(selections: Iterable[Selection]) -> Iterable[SelectedField]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from _fields(selection.selections)


def selected_under(info: Any, *path: str) -> set[str]:
    """Names of the fields selected at ``path`` below the current field (fragments
    included), e.g. ``selected_under(info, "edges", "node")`` on a connection."""
    level = [child for field in _fields(info.selected_fields)
             for child in _fields(field.selections)]
    for name in path:
        level = [child for field in level if field.name == name
                 for child in _fields(field.selections)]
    return {field.name for field in level}
