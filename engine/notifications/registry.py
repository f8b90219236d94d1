"""Every message type, from ``ruta_notification_types``: a plugin's type replaces the
core's type of the same code (the core's defaults are registered first, so called last)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

import pluggy

from engine.notifications.spec import MessageType

_cache: WeakKeyDictionary[pluggy.PluginManager, dict[str, MessageType]] = WeakKeyDictionary()


def message_types(plugins: pluggy.PluginManager) -> dict[str, MessageType]:
    found = _cache.get(plugins)
    if found is None:
        found = {}
        for contributed in plugins.hook.ruta_notification_types():
            for spec in contributed or ():
                found.setdefault(spec.code, spec)  # the first answer (latest plugin) wins
        _cache[plugins] = found
    return found


def listening_to(plugins: pluggy.PluginManager, hook: str) -> list[MessageType]:
    return [spec for spec in message_types(plugins).values()
            if spec.hook == hook and spec.resolve is not None]
