"""Browser tests: Playwright driving Debian's chromium against a real ``ruta serve --demo``.

They run in the SQLite pass (the server gets its own temporary SQLite database); the
PostgreSQL pass of ``.ci/run`` (``RUTA_TEST_DATABASE_URL`` set) leaves them out. Screenshots
go to ``$RUTA_E2E_SCREENSHOTS`` or ``<temp dir>/ruta-e2e-screenshots`` (printed).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.e2e.api import Api
from tests.e2e.server import ruta_serve

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("RUTA_TEST_DATABASE_URL"):
        skip = pytest.mark.skip(reason="browser tests run in the SQLite pass only")
        for item in items:
            if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
                item.add_marker(skip)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with ruta_serve(tmp_path_factory.mktemp("ruta-serve")) as base:
        yield base


@pytest.fixture(scope="module")
def api(server: str) -> Api:
    return Api(server)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Module-scoped: Playwright's sync API runs its own event loop while it is open, and the
    rest of the suite's async tests must not start until it is closed."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    folder = Path(os.environ.get("RUTA_E2E_SCREENSHOTS")
                  or Path(tempfile.gettempdir()) / "ruta-e2e-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture(autouse=True)
def _clean() -> None:
    """The browser tests use their own server and database, not the suite's (whose
    clean-up fixture is async and cannot run beside Playwright's sync API)."""
