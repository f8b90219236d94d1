"""The suite's fixtures come from Ruta's pytest plugin, :mod:`engine.testing.plugin`
(``database_url``, ``runtime``, ``app``, ``client``, ``demo``, ``plugged``), the same ones
plugin authors get; here every test is made to empty the database afterwards."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.testing.database import POSTGRES_ADMIN_URL, empty_database, test_settings

__all__ = ["POSTGRES_ADMIN_URL", "empty_database", "test_settings"]

pytest_plugins = ["tests.storage_backends"]  # local and S3 (moto) storage fixtures


@pytest.fixture(autouse=True)
def _clean(ruta_clean: None) -> None:
    """Every test of the suite leaves an empty database behind."""


def _needs_database(item: pytest.Item) -> bool:
    """Whether the test itself asks for the database (directly or through its fixtures, the
    autouse cleaning aside) or picks one from ``RUTA_TEST_DATABASE_URL`` by hand."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return True
    seen: set[str] = set()
    todo = list(info.argnames)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        definitions = info.name2fixturedefs.get(name) or ()
        for definition in definitions[-1:]:
            todo.extend(definition.argnames)
    if "database_url" in seen:
        return True
    source = Path(str(item.path)).read_text(encoding="utf-8")
    return any(word in source for word in ("fresh_database", "RUTA_TEST_DATABASE_URL"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL, run only the tests that use a database: the others (documents,
    catalogs, pure functions, browser pages on their own SQLite server) ran in the SQLite pass
    and would do the same work again."""
    if os.environ.get("RUTA_TEST_DATABASE_URL", "sqlite") == "sqlite":
        return
    once = [item for item in items if not _needs_database(item)]
    if once:
        config.hook.pytest_deselected(items=once)
        items[:] = [item for item in items if _needs_database(item)]
