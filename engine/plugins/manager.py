"""The plugin manager: core defaults, then every ``ruta.plugins`` entry point.

Built-in plugins are ordinary plugins: the core's own defaults (``DEFAULT_PLUGINS``) are
registered first so that any other implementation runs before them, and first-party plugins
(``plugins/*``) arrive through the same entry-point group as third-party ones.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from collections.abc import Iterable

import pluggy

from engine.plugins import specs as hookspecs
from engine.plugins.installed import ENTRY_POINT_GROUP, installed_entry_points

log = logging.getLogger(__name__)

__all__ = ["ENTRY_POINT_GROUP", "PluginError", "build_plugin_manager", "plugin_names"]

CORE_DISTRIBUTION = "ruta"
DEFAULT_PLUGINS = ("engine.plugins.defaults", "engine.payments.hooks", "engine.webhooks_out.hooks",
                   "engine.media.hooks", "engine.reviews.hooks")


class PluginError(RuntimeError):
    """A plugin broke the hook contract (for example an async computation hook)."""


def _check_sync_hooks(pm: pluggy.PluginManager) -> None:
    for name in hookspecs.SYNC_HOOKS:
        caller = getattr(pm.hook, name)
        for impl in caller.get_hookimpls():
            if inspect.iscoroutinefunction(impl.function):
                raise PluginError(
                    f"{impl.plugin_name}: {name} must be a sync function (it runs inside the "
                    "request, before commit); async is only for lifecycle hooks"
                )


def build_plugin_manager(
    *,
    entry_points_from: str | None = "all",
    disabled: Iterable[str] = (),
    extra_plugins: Iterable[object] = (),
) -> pluggy.PluginManager:
    """Create the manager.

    ``entry_points_from``: ``"all"`` loads every installed ``ruta.plugins`` entry point,
    ``"ruta"`` only the ones shipped with Ruta itself (used by ``export-schema`` so the
    published schema does not depend on what else is installed), ``None`` none.
    """
    pm = pluggy.PluginManager("ruta")
    pm.add_hookspecs(hookspecs)
    disabled_names = set(disabled)
    for module_name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(module_name), name=module_name)
    if entry_points_from is not None:
        for ep in installed_entry_points():
            if ep.name in disabled_names:
                continue
            dist = ep.dist.name if ep.dist is not None else None
            if entry_points_from != "all" and dist != entry_points_from:
                continue
            if pm.has_plugin(ep.name):
                continue
            pm.register(ep.load(), name=ep.name)
            log.debug("loaded plugin %s from %s", ep.name, dist)
    for plugin in extra_plugins:
        pm.register(plugin)
    pm.check_pending()
    _check_sync_hooks(pm)
    return pm


def plugin_names(pm: pluggy.PluginManager) -> list[str]:
    return [name for name, _plugin in pm.list_name_plugin()]
