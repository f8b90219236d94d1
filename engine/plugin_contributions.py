"""Deprecated: moved to ``engine.plugins.contributions``.

This path keeps working for one release (until 0.3)."""

import warnings
from typing import Any

import engine.plugins.contributions as _moved

warnings.warn(
    "engine.plugin_contributions is deprecated: import engine.plugins.contributions",
    DeprecationWarning, stacklevel=2)


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
