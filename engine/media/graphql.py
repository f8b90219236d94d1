"""Picture mutations: ``productMediaCreate`` (GraphQL multipart request spec),
``productMediaUpdate``, ``productMediaReorder``, ``productMediaDelete``."""

from __future__ import annotations

import strawberry
from strawberry.file_uploads import Upload

from engine.api.context import Info
from engine.api.enums import LanguageCodeEnum
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id
from engine.catalog.types import ProductType
from engine.errors import ValidationError
from engine.media import service
from engine.media.digital import upload_digital_file
from engine.media.types import ProductMediaObject

MediaErrorCode = strawberry.enum(
    error_code_enum("ProductMediaErrorCode", (
        "UNSUPPORTED_FILE_TYPE", "FILE_TOO_LARGE", "IMAGE_TOO_LARGE", "NOT_DIGITAL")),
    description="Why a picture or file upload was refused.")


@strawberry.type
class ProductMediaError:
    field: str | None
    code: MediaErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.input
class MediaTranslationInput:
    language_code: LanguageCodeEnum  # type: ignore[valid-type]
    alt: str


@strawberry.type
class ProductMediaPayload:
    media: ProductMediaObject | None
    errors: list[ProductMediaError]


@strawberry.type
class ProductMediaReorderPayload:
    media: list[ProductMediaObject]
    errors: list[ProductMediaError]


def _errors(exc: ValidationError | None) -> list[ProductMediaError]:
    return payload_errors(exc, ProductMediaError, MediaErrorCode) if exc else []


@strawberry.type
class ProductDigitalFilePayload:
    product: ProductType | None
    errors: list[ProductMediaError]


async def read_upload(file: Upload, limit: int) -> bytes:
    """At most ``limit`` plus one byte (enough to refuse a larger file)."""
    data: bytes = await file.read(limit + 1)  # type: ignore[attr-defined]
    return data


def _text(alt: str | None, translations: list[MediaTranslationInput] | None
          ) -> service.MediaText:
    return service.MediaText(alt=alt, translations={
        str(t.language_code): t.alt for t in translations or ()})


@strawberry.type
class MediaMutation:
    @strawberry.mutation(description="Add a picture to a product (multipart upload).")
    async def product_media_create(
        self, info: Info, product_id: strawberry.ID, file: Upload, alt: str | None = None,
        translations: list[MediaTranslationInput] | None = None,
    ) -> ProductMediaPayload:
        runtime, user = info.context.runtime, await info.context.user()
        data = await read_upload(file, runtime.settings.storage.max_upload_bytes)
        media, exc = await attempt(lambda: service.create_media(
            runtime, user, decode_id(product_id, "Product", field="productId"), data,
            _text(alt, translations)))
        return ProductMediaPayload(media=ProductMediaObject.of(media) if media else None,
                                   errors=_errors(exc))

    @strawberry.mutation(description="Upload a DIGITAL product's file into private storage "
                                      "(served only by signed, short-lived buyer links).")
    async def product_digital_file_upload(
        self, info: Info, product_id: strawberry.ID, file: Upload,
    ) -> ProductDigitalFilePayload:
        runtime, user = info.context.runtime, await info.context.user()
        data = await read_upload(file, runtime.settings.storage.max_file_bytes)
        name = getattr(file, "filename", None)
        product, exc = await attempt(lambda: upload_digital_file(
            runtime, user, decode_id(product_id, "Product", field="productId"), data, name))
        return ProductDigitalFilePayload(
            product=ProductType.of(product, product.name, product.description, None)
            if product else None, errors=_errors(exc))

    @strawberry.mutation(description="Change a picture's alt text.")
    async def product_media_update(
        self, info: Info, id: strawberry.ID, alt: str | None = None,
        translations: list[MediaTranslationInput] | None = None,
    ) -> ProductMediaPayload:
        runtime, user = info.context.runtime, await info.context.user()
        media, exc = await attempt(lambda: service.update_media(
            runtime, user, decode_id(id, "ProductMedia"), _text(alt, translations)))
        return ProductMediaPayload(media=ProductMediaObject.of(media) if media else None,
                                   errors=_errors(exc))

    @strawberry.mutation(description="Put a product's pictures in this order.")
    async def product_media_reorder(
        self, info: Info, product_id: strawberry.ID, media_ids: list[strawberry.ID],
    ) -> ProductMediaReorderPayload:
        runtime, user = info.context.runtime, await info.context.user()
        rows, exc = await attempt(lambda: service.reorder_media(
            runtime, user, decode_id(product_id, "Product", field="productId"),
            [decode_id(m, "ProductMedia", field="mediaIds") for m in media_ids]))
        return ProductMediaReorderPayload(
            media=[ProductMediaObject.of(m) for m in rows or ()], errors=_errors(exc))

    @strawberry.mutation(description="Remove a picture (and its files, unless shared).")
    async def product_media_delete(self, info: Info, id: strawberry.ID) -> ProductMediaPayload:
        runtime, user = info.context.runtime, await info.context.user()
        media, exc = await attempt(lambda: service.delete_media(
            runtime, user, decode_id(id, "ProductMedia")))
        return ProductMediaPayload(media=ProductMediaObject.of(media) if media else None,
                                   errors=_errors(exc))
