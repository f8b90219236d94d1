"""The plugin's tests use Ruta's own pytest fixtures (plugin ``ruta``, installed with Ruta:
``database_url``, ``runtime``, ``client``, ``plugged``...): no database set-up here."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from ruta_product_audit import plugin

from engine.testing.client import Client


@pytest.fixture
async def audited(plugged: object) -> AsyncIterator[Client]:
    """A client of an app with Ruta's own plugins and this one, its branch migrated."""
    async with plugged(plugin) as client:  # type: ignore[operator]
        yield client
