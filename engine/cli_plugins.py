"""``ruta plugins`` and ``ruta migrate --downgrade-plugin / --forget-plugin``."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from engine.db.database import Database
from engine.db.plugin_cleanup import downgrade_plugin, forget_plugin
from engine.plugins.installed import installed_entry_points
from engine.plugins.manager import build_plugin_manager
from engine.plugins.status import plugin_statuses
from engine.settings import Settings

T = TypeVar("T")


def _run_with(settings: Settings, work: Callable[[Database], Awaitable[T]]) -> T:
    async def run() -> T:
        db = Database(settings.database_url)
        try:
            return await work(db)
        finally:
            await db.dispose()

    return asyncio.run(run())


def show_plugins(settings: Settings) -> int:
    statuses, leftovers = _run_with(
        settings, lambda db: plugin_statuses(db, settings.disabled_plugins))
    if not statuses:
        print("No plugins installed.")
    for s in statuses:
        heads = ", ".join(s.heads) or "-"
        print(f"{s.name}  {s.distribution or '?'} {s.version or '?'}  "
              f"{'enabled' if s.enabled else 'disabled'}  migration {heads}: {s.migration}")
        print(f"    hooks: {', '.join(s.hooks) or '-'}")
    for left in leftovers:
        print(f"{left.name}  NOT INSTALLED  migrations {', '.join(left.revisions)} applied, "
              f"tables {', '.join(left.tables) or '-'}: run "
              f"`ruta migrate --forget-plugin {left.name}`")
    return 0


def confirmed(question: str, yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        print(f"{question} Refused: no terminal to confirm on; pass --yes.", file=sys.stderr)
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def remove_plugin_migrations(settings: Settings, args: argparse.Namespace) -> int:
    if args.downgrade_plugin:
        name = args.downgrade_plugin
        if not confirmed(f"Run plugin {name!r}'s downgrades and drop its tables in "
                         f"{settings.database_url}?", args.yes):
            return 1
        plugins = build_plugin_manager()  # a disabled plugin can still be downgraded
        dropped = _run_with(settings, lambda db: downgrade_plugin(db, plugins, name))
    else:
        name = args.forget_plugin
        if name in {ep.name for ep in installed_entry_points()}:
            print(f"ruta: plugin {name!r} is installed: use `ruta migrate --downgrade-plugin "
                  f"{name}`", file=sys.stderr)
            return 1
        if not confirmed(f"Drop the tables plugin {name!r} left in {settings.database_url} "
                         "and forget its migrations?", args.yes):
            return 1
        dropped = _run_with(settings, lambda db: forget_plugin(db, name))
    print(f"Removed plugin {name!r}'s migrations; dropped tables: "
          f"{', '.join(dropped) or 'none'}.")
    return 0
