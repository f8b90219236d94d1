"""The test client now lives in :mod:`engine.testing.client` (shared with plugin authors)."""

from engine.testing.client import PASSWORD, Client

__all__ = ["PASSWORD", "Client"]
