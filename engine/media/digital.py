"""Private files of DIGITAL products: uploaded like pictures, stored in private storage under
the vendor's own prefix (``vendors/<vendor_id>/<sha256>/<name>``) and only ever served by a
signed, short-lived link to a paying buyer (``engine.orders.downloads``).

Paid order lines keep the key, so the file outlives a deleted or changed product.
"""

from __future__ import annotations

import hashlib
import re

from engine.accounts.models import User
from engine.catalog.file_keys import vendor_prefix
from engine.catalog.models import Product
from engine.catalog.service import owned_product
from engine.errors import ValidationError
from engine.events.outbox import record
from engine.runtime import Runtime

NAME = re.compile(r"[^A-Za-z0-9._-]+")
SIGNATURES = ((b"%PDF-", "application/pdf"), (b"PK\x03\x04", "application/zip"))


def safe_name(filename: str | None) -> str:
    base = (filename or "file").replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = NAME.sub("-", base).strip(".-")[:80]
    return cleaned or "file"


def content_type_of(data: bytes) -> str:
    return next((kind for magic, kind in SIGNATURES if data.startswith(magic)),
                "application/octet-stream")


async def upload_digital_file(runtime: Runtime, user: User | None, product_id: int,
                              data: bytes, filename: str | None) -> Product:
    async with runtime.db.read() as session:
        product = await owned_product(session, user, product_id)
    if product.kind != "DIGITAL":
        raise ValidationError("productId", "NOT_DIGITAL", "Only DIGITAL products have files.")
    limit = runtime.settings.storage.max_file_bytes
    if len(data) > limit:
        raise ValidationError("file", "FILE_TOO_LARGE", f"Files may be at most {limit:,} bytes.")
    if not data:
        raise ValidationError("file", "REQUIRED", "The file is empty.")
    digest = hashlib.sha256(data).hexdigest()
    key = f"{vendor_prefix(product.vendor_id)}{digest}/{safe_name(filename)}"
    await runtime.stores.private.put(key, data, content_type_of(data))
    async with runtime.transaction() as session:
        product = await owned_product(session, user, product_id, lock=True)
        product.digital_asset = key
        await record(session, runtime.plugins, "ruta_product_updated", product_id=product.id,
                     vendor_id=product.vendor_id)
    return product
