"""Alembic environment: runs on the app's async engine (SQLite or PostgreSQL)."""

from __future__ import annotations

import asyncio
from typing import Any

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

import engine.db.models  # noqa: F401  (core metadata)
from engine.db.base import Base

config = context.config


def _include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Search tables are dialect-specific SQL (FTS5, tsvector), not models."""
    table = name if type_ == "table" else parent_names.get("table_name")
    return not (table or "").startswith("search_")


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    connectable = create_async_engine(config.get_main_option("sqlalchemy.url") or "")
    async with connectable.connect() as connection:
        await connection.run_sync(_run)
    await connectable.dispose()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    asyncio.run(_run_async())
