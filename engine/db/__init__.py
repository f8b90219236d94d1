"""Database layer: ``Base`` for models (core and plugins) and the ``Database`` handle."""

from engine.db.base import Base
from engine.db.database import Database

__all__ = ["Base", "Database"]
