"""The ``pytest11`` entry point: registers :mod:`engine.testing.plugin` when its
requirements (pytest-asyncio, from the ``testing`` extra) are installed, and stays out of
the way otherwise, so that installing Ruta never breaks another project's pytest."""

from __future__ import annotations

import importlib
import importlib.util

import pytest


def pytest_configure(config: pytest.Config) -> None:
    if importlib.util.find_spec("pytest_asyncio") is None:
        return
    if not config.pluginmanager.has_plugin("ruta-fixtures"):
        config.pluginmanager.register(importlib.import_module("engine.testing.plugin"),
                                      "ruta-fixtures")
