"""What each plugin's migrations put in the database, recorded when the engine applies them.

An uninstalled plugin takes its downgrade code with it; this record (one row per plugin:
its Alembic revisions and the tables its upgrades created or declared) is what lets
``ruta migrate --forget-plugin NAME`` remove what it left, and lets start-up name the
plugin a stray revision belongs to.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base
from engine.db.types import UTCDateTime, utcnow


class PluginMigrationRecord(Base):
    __tablename__ = "ruta_plugin_migration"

    plugin: Mapped[str] = mapped_column(String(200), primary_key=True)
    revisions: Mapped[list[str]] = mapped_column(JSON)
    tables: Mapped[list[str]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
