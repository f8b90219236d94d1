"""Run Alembic migrations programmatically (``ruta migrate``, ``ruta serve``, tests).

The core's revisions live in ``engine/db/migrations/versions``; each plugin adds its own
directory through ``ruta_migration_locations`` (see :mod:`engine.db.plugin_branches`).
``upgrade`` first refuses a database carrying a revision that no installed plugin provides
(:class:`StrayMigration`, one line naming the plugin and the command to run), then brings
the core and each loaded plugin to its heads, one branch at a time, recording which tables
each plugin's upgrade created (:class:`engine.db.plugin_records.PluginMigrationRecord`).
"""

from __future__ import annotations

from typing import cast

import pluggy
from alembic import command
from sqlalchemy import Table, inspect, select, text
from sqlalchemy.engine import Connection

from engine.db.database import Database
from engine.db.plugin_branches import CORE, Branch, Layout, layout
from engine.db.plugin_records import PluginMigrationRecord
from engine.db.types import utcnow
from engine.errors import RutaError
from engine.plugins.installed import installed_entry_points

RECORDS = cast(Table, PluginMigrationRecord.__table__)


class StrayMigration(RutaError):
    """The database carries a revision of a plugin that is not installed here."""

    code = "STRAY_MIGRATION"


def recorded(connection: Connection) -> dict[str, tuple[list[str], list[str]]]:
    """plugin name -> (revisions, tables) as recorded in this database."""
    if not inspect(connection).has_table(RECORDS.name):
        return {}
    rows = connection.execute(select(RECORDS.c.plugin, RECORDS.c.revisions, RECORDS.c.tables))
    return {plugin: (list(revisions), list(tables)) for plugin, revisions, tables in rows}


def current_revisions(connection: Connection) -> set[str]:
    """The revisions in ``alembic_version`` (read directly: Alembic would log first)."""
    if not inspect(connection).has_table("alembic_version"):
        return set()
    return set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def stray_message(revision: str, records: dict[str, tuple[list[str], list[str]]]) -> str:
    owner = next((name for name, (revs, _t) in records.items() if revision in revs), None)
    if owner is None:
        return (f"the database carries migration {revision!r}, which no installed plugin "
                "provides: reinstall the plugin it belongs to, then run "
                "`ruta migrate --downgrade-plugin NAME`")
    installed = {ep.name for ep in installed_entry_points()}
    if owner in installed:  # installed, but its revisions moved: a broken install
        return (f"the database carries migration {revision!r} of plugin {owner!r}, which its "
                f"installed version no longer provides: reinstall the version that does")
    return (f"the database carries migrations of plugin {owner!r}, which is not installed: "
            f"reinstall it, or run `ruta migrate --forget-plugin {owner}` to drop its tables")


def check_stray(connection: Connection, plan: Layout) -> None:
    stray = sorted(current_revisions(connection) - plan.known)
    if stray:
        raise StrayMigration(stray_message(stray[0], recorded(connection)))


def record_branch(connection: Connection, branch: Branch, created: set[str]) -> None:
    existing = set(inspect(connection).get_table_names())
    previous = recorded(connection).get(branch.owner)
    tables = set(previous[1]) if previous else set()
    tables |= created | (set(branch.model_tables) & existing)
    values = {"revisions": branch.revisions, "tables": sorted(tables), "updated_at": utcnow()}
    if previous is None:
        connection.execute(RECORDS.insert().values(plugin=branch.owner, **values))
    else:
        connection.execute(RECORDS.update().where(RECORDS.c.plugin == branch.owner)
                           .values(**values))


def upgrade_branches(connection: Connection, plan: Layout) -> None:
    plan.config.attributes["connection"] = connection
    check_stray(connection, plan)
    for head in plan.branches[CORE].heads:
        command.upgrade(plan.config, head)
    for branch in plan.plugins():
        if not branch.loaded or not branch.revisions:
            continue
        before = set(inspect(connection).get_table_names())
        for head in branch.heads:
            command.upgrade(plan.config, head)
        after = set(inspect(connection).get_table_names())
        record_branch(connection, branch, after - before)


async def upgrade(db: Database, plugins: pluggy.PluginManager) -> None:
    """Bring the database to the latest revision of the core and every loaded plugin.

    Raises :class:`StrayMigration` (and changes nothing) when the database carries a
    revision that no installed plugin provides.
    """
    plan = layout(plugins, db.url)
    async with db.engine.begin() as conn:
        await conn.run_sync(upgrade_branches, plan)
