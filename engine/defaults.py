"""Deprecated: moved to ``engine.plugins.defaults``.

This path keeps working for one release (until 0.3)."""

import warnings
from typing import Any

import engine.plugins.defaults as _moved

warnings.warn(
    "engine.defaults is deprecated: import engine.plugins.defaults",
    DeprecationWarning, stacklevel=2)


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
