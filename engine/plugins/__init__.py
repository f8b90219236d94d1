"""The plugin surface: everything a plugin author may touch lives in this package.

- ``api``: the one import for plugin authors (``from engine.plugins.api import ...``);
  its ``__all__`` is kept stable.
- ``specs``: every hook specification (``ruta_...``), documented.
- ``markers``: ``hookimpl``, the marker for implementations.
- ``manager``: builds the pluggy manager (core defaults, entry points ``ruta.plugins``).
- ``calls``: how the engine calls async and scheduled hooks.
- ``reads``: read models (facts) plugins may use instead of the core's tables.
- ``contributions``: value objects returned by composition hooks.
- ``defaults``: the core's own default implementations.

The old flat modules (``engine.hookspecs``, ``engine.plugin_api``, ...) still import, with a
``DeprecationWarning``, until 0.3.
"""
