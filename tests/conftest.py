"""The suite's fixtures come from Ruta's pytest plugin, :mod:`engine.testing.plugin`
(``database_url``, ``runtime``, ``app``, ``client``, ``demo``, ``plugged``), the same ones
plugin authors get; here every test is made to empty the database afterwards."""

from __future__ import annotations

import pytest

from engine.testing.database import POSTGRES_ADMIN_URL, empty_database, test_settings

__all__ = ["POSTGRES_ADMIN_URL", "empty_database", "test_settings"]

pytest_plugins = ["tests.storage_backends"]  # local and S3 (moto) storage fixtures


@pytest.fixture(autouse=True)
def _clean(ruta_clean: None) -> None:
    """Every test of the suite leaves an empty database behind."""
