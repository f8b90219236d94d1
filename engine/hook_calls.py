"""Deprecated: moved to ``engine.plugins.calls``.

This path keeps working for one release (until 0.3)."""

import warnings
from typing import Any

import engine.plugins.calls as _moved

warnings.warn(
    "engine.hook_calls is deprecated: import engine.plugins.calls",
    DeprecationWarning, stacklevel=2)


def __getattr__(name: str) -> Any:
    return getattr(_moved, name)
