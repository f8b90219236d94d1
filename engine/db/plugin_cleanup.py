"""Removing a plugin's migrations: ``ruta migrate --downgrade-plugin`` / ``--forget-plugin``.

``downgrade`` runs an installed plugin's own downgrade code to its branch base.
``forget`` serves a plugin whose code is gone: it drops the tables recorded when the
engine upgraded that plugin, removes its revisions from ``alembic_version`` and its record,
and its deliveries that can never run again.
"""

from __future__ import annotations

import pluggy
from alembic import command
from sqlalchemy import MetaData, delete, inspect
from sqlalchemy.engine import Connection

from engine.db.database import Database
from engine.db.migrate import RECORDS, check_stray, current_revisions, recorded
from engine.db.plugin_branches import CORE, layout
from engine.errors import RutaError
from engine.events.models import OutboxDelivery

VERSION_TABLE = "alembic_version"


class PluginMigrationError(RutaError):
    """The plugin's migrations cannot be removed as asked."""

    code = "PLUGIN_MIGRATION"


async def downgrade_plugin(db: Database, plugins: pluggy.PluginManager, name: str) -> list[str]:
    """Run the installed plugin ``name``'s downgrades to its base; returns the dropped tables.

    ``plugins`` must have ``name`` loaded (the CLI loads every installed plugin for this).
    """
    plan = layout(plugins, db.url)
    branch = plan.branches.get(name)
    if name == CORE or branch is None or not branch.loaded:
        raise PluginMigrationError(f"plugin {name!r} is not installed or has no migrations")

    def run(connection: Connection) -> list[str]:
        plan.config.attributes["connection"] = connection
        check_stray(connection, plan)
        if not current_revisions(connection) & set(branch.revisions):
            raise PluginMigrationError(f"plugin {name!r} has no migration applied here")
        before = set(inspect(connection).get_table_names())
        command.downgrade(plan.config, f"{branch.heads[0]}@base")
        connection.execute(RECORDS.delete().where(RECORDS.c.plugin == name))
        return sorted(before - set(inspect(connection).get_table_names()))

    async with db.engine.begin() as conn:
        return await conn.run_sync(run)


async def forget_plugin(db: Database, name: str) -> list[str]:
    """Drop what the uninstalled plugin ``name`` left; returns the dropped tables."""

    def run(connection: Connection) -> list[str]:
        found = recorded(connection).get(name)
        if found is None:
            raise PluginMigrationError(f"no migrations of plugin {name!r} are recorded here")
        revisions, tables = found
        existing = set(inspect(connection).get_table_names())
        metadata = MetaData()
        metadata.reflect(connection, only=[t for t in tables if t in existing])
        metadata.drop_all(connection)
        versions = MetaData()
        versions.reflect(connection, only=[VERSION_TABLE])
        version = versions.tables[VERSION_TABLE]
        connection.execute(delete(version).where(version.c.version_num.in_(revisions)))
        connection.execute(RECORDS.delete().where(RECORDS.c.plugin == name))
        connection.execute(delete(OutboxDelivery).where(
            OutboxDelivery.plugin == name, OutboxDelivery.status != "delivered"))
        return sorted(metadata.tables)

    async with db.engine.begin() as conn:
        return await conn.run_sync(run)
