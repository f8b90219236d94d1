"""Deprecated: moved to ``engine.plugins.reads``.

This path keeps working for one release (until 0.3)."""

import warnings
from typing import Any

import engine.plugins.reads as _moved

warnings.warn(
    "engine.plugin_reads is deprecated: import engine.plugins.reads",
    DeprecationWarning, stacklevel=2)


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
