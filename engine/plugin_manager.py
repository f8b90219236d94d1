"""Deprecated: moved to ``engine.plugins.manager``.

This path keeps working for one release (until 0.3)."""

import warnings
from typing import Any

import engine.plugins.manager as _moved

warnings.warn(
    "engine.plugin_manager is deprecated: import engine.plugins.manager",
    DeprecationWarning, stacklevel=2)


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
