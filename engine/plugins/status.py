"""What ``ruta plugins`` shows: every installed plugin and where its migrations stand."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection

from engine.db.database import Database
from engine.db.migrate import current_revisions, recorded
from engine.db.plugin_branches import layout
from engine.plugins.installed import installed_plugins
from engine.plugins.manager import build_plugin_manager


@dataclass(frozen=True)
class PluginStatus:
    name: str
    distribution: str | None
    version: str | None
    enabled: bool
    heads: list[str]
    migration: str  # "applied", "not applied", "behind (at X)", "none"
    hooks: list[str]


@dataclass(frozen=True)
class Leftover:
    """A plugin that is not installed, whose migrations this database still carries."""

    name: str
    revisions: list[str]
    tables: list[str]


def _migration_state(heads: list[str], revisions: list[str], current: set[str]) -> str:
    if not revisions:
        return "none"
    if set(heads) <= current:
        return "applied"
    at = sorted(current & set(revisions))
    return f"behind (at {', '.join(at)})" if at else "not applied"


async def plugin_statuses(db: Database, disabled: tuple[str, ...]
                          ) -> tuple[list[PluginStatus], list[Leftover]]:
    plugins = build_plugin_manager()  # every installed plugin, disabled ones included
    plan = layout(plugins, db.url)

    def read(connection: Connection) -> tuple[set[str], dict[str, tuple[list[str], list[str]]]]:
        return current_revisions(connection), recorded(connection)

    async with db.engine.connect() as conn:
        current, records = await conn.run_sync(read)
    statuses = []
    for info in installed_plugins():
        plugin = plugins.get_plugin(info.name)
        hooks = sorted(caller.name for caller in plugins.get_hookcallers(plugin) or ())
        branch = plan.branches.get(info.name)
        heads, revisions = (branch.heads, branch.revisions) if branch else ([], [])
        statuses.append(PluginStatus(
            info.name, info.distribution, info.version, info.name not in disabled, heads,
            _migration_state(heads, revisions, current), hooks))
    installed = {status.name for status in statuses}
    leftovers = [Leftover(name, revisions, tables)
                 for name, (revisions, tables) in sorted(records.items())
                 if name not in installed and set(revisions) & current]
    return statuses, leftovers
