"""Deprecated: moved to ``engine.plugins.api``.

This path keeps working for one release (until 0.3)."""

import warnings
from typing import Any

import engine.plugins.api as _moved

warnings.warn(
    "engine.plugin_api is deprecated: import engine.plugins.api",
    DeprecationWarning, stacklevel=2)


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
