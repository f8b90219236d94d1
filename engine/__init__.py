"""Ruta: a headless multi-vendor marketplace engine.

The public surface for applications and plugins:

- ``create_app(settings)``: the ASGI app;
- ``hookimpl``: the marker for plugin hook implementations;
- ``__version__``.
"""

from engine.app import create_app
from engine.plugins.markers import hookimpl

__version__ = "0.1.0"
__all__ = ["__version__", "create_app", "hookimpl"]
