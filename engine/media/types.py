"""``ProductMedia`` and the ``Product.media`` / ``Product.thumbnail`` fields (added to the
Product type through ``ruta_graphql_type_fields``, like any plugin field)."""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Sequence

import strawberry
from sqlalchemy import select
from strawberry.dataloader import DataLoader

from engine.api.context import Info
from engine.api.ids import encode_id
from engine.catalog.types import ProductType
from engine.media.models import ProductMedia
from engine.runtime import Runtime


@strawberry.enum
class ProductMediaType(enum.StrEnum):
    IMAGE = "IMAGE"


def media_by_product(runtime: Runtime) -> DataLoader[int, list[ProductMedia]]:
    async def load(product_ids: Sequence[int]) -> list[list[ProductMedia]]:
        grouped: dict[int, list[ProductMedia]] = defaultdict(list)
        async with runtime.db.read() as session:
            rows = await session.scalars(select(ProductMedia).where(
                ProductMedia.product_id.in_(product_ids))
                .order_by(ProductMedia.position, ProductMedia.id))
            for media in rows:
                grouped[media.product_id].append(media)
        return [grouped.get(pk, []) for pk in product_ids]

    return DataLoader(load_fn=load)


def media_url(runtime: Runtime, media: ProductMedia, size: int | None) -> str:
    """The smallest thumbnail at least ``size`` wide (the largest one, else the original)."""
    key = media.key
    if size is not None and media.thumbnails:
        widths = sorted(int(w) for w in media.thumbnails)
        fitting = [w for w in widths if w >= size]
        key = media.thumbnails[str(fitting[0] if fitting else widths[-1])]
    return f"{runtime.settings.public_url.rstrip('/')}/media/{key}"


@strawberry.type(name="ProductMedia")
class ProductMediaObject:
    id: strawberry.ID
    alt: str
    type: ProductMediaType
    width: int
    height: int
    position: int
    model: strawberry.Private[ProductMedia]
    language: strawberry.Private[str | None]

    @classmethod
    def of(cls, media: ProductMedia, language: str | None = None) -> ProductMediaObject:
        alt = media.alt_translations.get(language or "", "") or media.alt
        return cls(id=encode_id("ProductMedia", media.id), alt=alt, type=ProductMediaType.IMAGE,
                   width=media.width, height=media.height, position=media.position,
                   model=media, language=language)

    @strawberry.field(description="Address of the picture; with size, of the smallest WebP "
                                  "thumbnail at least that wide (once made).")
    def url(self, info: Info, size: int | None = None) -> str:
        return media_url(info.context.runtime, self.model, size)


async def media(root: ProductType, info: Info) -> list[ProductMediaObject]:
    """The product's pictures, in order."""
    rows = await info.context.loader("product_media", media_by_product).load(root.pk)
    return [ProductMediaObject.of(row, root.language) for row in rows]


async def thumbnail(root: ProductType, info: Info, size: int | None = 400) -> str | None:
    """The first picture's address at this width (null when the product has none)."""
    rows = await info.context.loader("product_media", media_by_product).load(root.pk)
    return media_url(info.context.runtime, rows[0], size) if rows else None


def product_fields() -> list[object]:
    return [strawberry.field(resolver=media, description=media.__doc__),
            strawberry.field(resolver=thumbnail, description=thumbnail.__doc__)]
