"""The runtime: what one running app owns, and what lifecycle hooks receive.

``Runtime`` is part of the public plugin surface: ``runtime.settings``, ``runtime.db``
(``read()`` / ``write()`` sessions on ``engine.db.Base`` models) and ``runtime.plugins``.
``runtime.transaction()`` is the only way the core writes: it commits, then wakes the
outbox dispatcher so lifecycle hooks run after commit.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cached_property
from typing import TYPE_CHECKING

import pluggy
from sqlalchemy.ext.asyncio import AsyncSession

from engine.db.database import Database
from engine.db.request import RequestDatabase
from engine.settings import Settings
from engine.storage.stores import Stores, build_stores

if TYPE_CHECKING:
    from engine.events.dispatcher import Dispatcher


class Runtime:
    def __init__(self, settings: Settings, db: Database, plugins: pluggy.PluginManager) -> None:
        self.settings = settings
        self.db = db
        self.plugins = plugins
        self.dispatcher: Dispatcher | None = None

    @cached_property
    def stores(self) -> Stores:
        """Public (pictures) and private (digital goods) file storage."""
        return build_stores(self.settings)

    def for_request(self) -> Runtime:
        """This runtime for one request: the same settings, plugins and dispatcher, and a
        ``db`` that holds at most one connection at a time (``engine.db.request``).
        The caller closes it with ``await scoped.db.release()`` when the request ends."""
        _ = self.stores  # built once per process, shared by every request's copy
        scoped = copy.copy(self)
        scoped.db = RequestDatabase(self.db)
        return scoped

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A write transaction; after a successful commit the outbox is dispatched."""
        async with self.db.write() as session:
            yield session
            recorded = session.info.pop("ruta_events", False)
        if recorded and self.dispatcher is not None:
            self.dispatcher.wake()
