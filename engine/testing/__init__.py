"""Test support for Ruta and its plugins, shipped as a pytest plugin.

Installing Ruta registers :mod:`engine.testing.plugin` through the ``pytest11`` entry point
(name ``ruta``), so any project whose environment has Ruta installed gets the same
fixtures as Ruta's own suite: a migrated database (SQLite, or PostgreSQL with
``RUTA_TEST_DATABASE_URL=postgres``), the runtime, the ASGI app, a GraphQL
:class:`~engine.testing.client.Client`, the demo data and apps with extra plugins.
"""
