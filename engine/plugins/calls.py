"""Calling the hooks that may be async outside the outbox: query hooks (awaited and
collected) and the scheduled ``ruta_tick`` (each implementation isolated)."""

from __future__ import annotations

import inspect
import logging
from datetime import datetime
from typing import Any

import pluggy

log = logging.getLogger(__name__)


async def _call(impl: Any, kwargs: dict[str, Any]) -> Any:
    result = impl.function(**{k: v for k, v in kwargs.items() if k in impl.argnames})
    return await result if inspect.isawaitable(result) else result


async def gather_hook(caller: pluggy.HookCaller, **kwargs: Any) -> list[Any]:
    """Every non-None result of a query hook, awaiting async implementations."""
    results = []
    for impl in reversed(caller.get_hookimpls()):
        value = await _call(impl, kwargs)
        if value is not None:
            results.append(value)
    return results


async def gather_isolated(caller: pluggy.HookCaller, **kwargs: Any) -> list[Any]:
    """Like :func:`gather_hook`, but an implementation that raises is logged and skipped
    (the others' answers still count)."""
    results = []
    for impl in reversed(caller.get_hookimpls()):
        try:
            value = await _call(impl, kwargs)
        except Exception:
            log.exception("%s of %s failed", caller.name, impl.plugin_name)
            continue
        if value is not None:
            results.append(value)
    return results


async def call_each(caller: pluggy.HookCaller, **kwargs: Any) -> dict[str, Any]:
    """Each implementation's result by plugin name, awaiting async ones (errors propagate)."""
    return {impl.plugin_name: await _call(impl, kwargs)
            for impl in reversed(caller.get_hookimpls())}


async def tick(plugins: pluggy.PluginManager, runtime: Any, now: datetime) -> None:
    for impl in plugins.hook.ruta_tick.get_hookimpls():
        try:
            await _call(impl, {"runtime": runtime, "now": now})
        except Exception:
            log.exception("ruta_tick of %s failed", impl.plugin_name)
