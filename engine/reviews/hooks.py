"""The core's reviews plugin: ``rating`` and ``reviewCount`` on ``Product`` and ``Vendor``.
Registered like any plugin (``DEFAULT_PLUGINS``)."""

from __future__ import annotations

from collections.abc import Sequence

from engine.plugins.markers import hookimpl
from engine.reviews.graphql import fields_for


@hookimpl
def ruta_graphql_type_fields(type_name: str) -> Sequence[object]:
    return fields_for(type_name)
