"""The core's media plugin: thumbnails after commit, ``Product.media`` and
``Product.thumbnail``. Registered like any plugin (``DEFAULT_PLUGINS``)."""

from __future__ import annotations

from collections.abc import Sequence

from engine.media.thumbnails import make_thumbnails
from engine.media.types import product_fields
from engine.plugins.markers import hookimpl
from engine.runtime import Runtime


@hookimpl
async def ruta_product_media_uploaded(runtime: Runtime, media_id: int) -> None:
    await make_thumbnails(runtime, media_id)


@hookimpl
def ruta_graphql_type_fields(type_name: str) -> Sequence[object]:
    return product_fields() if type_name == "Product" else ()
