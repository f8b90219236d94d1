"""Run Alembic migrations programmatically (``ruta migrate``, ``ruta serve``, tests).

The core's revisions live in ``engine/db/migrations/versions`` (branch ``core``); each plugin
adds its own directory through ``ruta_migration_locations``. ``upgrade`` goes to every head.
"""

from __future__ import annotations

from pathlib import Path

import pluggy
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

from engine.db.database import Database

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(plugins: pluggy.PluginManager, url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    locations = [str(MIGRATIONS / "versions")]
    for contributed in plugins.hook.ruta_migration_locations():
        locations.extend(str(path) for path in contributed or ())
    config.set_main_option("version_locations", " ".join(locations))
    config.set_main_option("path_separator", "space")
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


async def upgrade(db: Database, plugins: pluggy.PluginManager) -> None:
    """Bring the database to the latest revision of the core and every plugin."""
    config = alembic_config(plugins, db.url)

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")

    async with db.engine.begin() as conn:
        await conn.run_sync(run)
