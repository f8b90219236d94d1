"""Deprecated: moved to ``engine.plugins.specs``.

This path keeps working for one release (until 0.3)."""

import warnings
from typing import Any

import engine.plugins.specs as _moved

warnings.warn(
    "engine.hookspecs is deprecated: import engine.plugins.specs",
    DeprecationWarning, stacklevel=2)


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
