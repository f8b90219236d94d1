"""A product's pictures for its vendor: list with thumbnails and alt text, upload (a plain
multipart form handed to ``productMediaCreate`` as its ``Upload``), alt text, order, delete.

Every request first loads the product (``ProductImages``): another vendor's product, or a
picture that is not this product's, answers 404 before anything is sent; then at most one
mutation runs (two documents a request). The engine checks the file's size and its bytes.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import UploadFile
from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.dashboard.forms import field_errors, text
from plugins.dashboard.guard import PREFIX, signed_in, to_login

Loaded = tuple[Response | None, dict[str, Any]]
#: Fields of the upload form (other errors are shown above it).
FIELDS = frozenset({"file", "alt"})


async def _own_product(visit: Visit) -> Loaded:
    result = await visit.graphql("ProductImages", id=visit.request.path_params["product_id"])
    if result.unauthenticated:
        return to_login(visit), {}
    product, vendor = result.data.get("product"), result.data.get("myVendor")
    if result.denied or not product or not vendor or product["vendor"]["id"] != vendor["id"]:
        return visit.not_found(), {}
    return None, product


async def _own_picture(visit: Visit) -> tuple[Response | None, dict[str, Any], str]:
    refused, product = await _own_product(visit)
    media_id = visit.request.path_params.get("media_id", "")
    if refused is None and media_id not in {m["id"] for m in product["media"]}:
        refused = visit.not_found()
    return refused, product, media_id


def _page(visit: Visit, product: dict[str, Any], errors: dict[str, str] | None = None,
          alt: str = "", failed: dict[str, tuple[str, str]] | None = None) -> Response:
    shown = {key if key in FIELDS else "__all__": message
             for key, message in (errors or {}).items()}
    return visit.render("product_images.html", product=product, errors=shown, alt=alt,
                        failed=failed or {}, status_code=400 if errors or failed else 200)


def _back(product: dict[str, Any], notice: str, visit: Visit) -> Response:
    return visit.redirect(f"{PREFIX}/products/{product['id']}/images", notice=notice)


@signed_in
async def images(visit: Visit) -> Response:
    refused, product = await _own_product(visit)
    return refused or _page(visit, product)


@signed_in
async def image_upload(visit: Visit) -> Response:
    refused, product = await _own_product(visit)
    if refused is not None:
        return refused
    upload, alt = visit.form.get("file"), text(visit, "alt")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _page(visit, product, {"file": visit.gettext("Choose a picture to upload.")}, alt)
    result = await visit.graphql("ProductMediaCreate", productId=product["id"], file=upload,
                                 alt=alt or None)
    payload = result.data.get("productMediaCreate") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return _page(visit, product, errors, alt)
    return _back(product, visit.gettext("The picture is added."), visit)


@signed_in
async def image_alt(visit: Visit) -> Response:
    refused, product, media_id = await _own_picture(visit)
    if refused is not None:
        return refused
    alt = text(visit, "alt")
    result = await visit.graphql("ProductMediaUpdate", id=media_id, alt=alt)
    payload = result.data.get("productMediaUpdate") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return _page(visit, product, failed={media_id: (alt, next(iter(errors.values())))})
    return _back(product, visit.gettext("The alt text is saved."), visit)


@signed_in
async def image_move(visit: Visit) -> Response:
    refused, product, media_id = await _own_picture(visit)
    if refused is not None:
        return refused
    order = [m["id"] for m in product["media"]]
    at = order.index(media_id)
    to = at - 1 if text(visit, "direction") == "up" else at + 1
    if not 0 <= to < len(order):
        return _back(product, visit.gettext("The order is unchanged."), visit)
    order[at], order[to] = order[to], order[at]
    result = await visit.graphql("ProductMediaReorder", productId=product["id"], mediaIds=order)
    payload = result.data.get("productMediaReorder") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return _page(visit, product, errors)
    return _back(product, visit.gettext("The pictures are in their new order."), visit)


@signed_in
async def image_delete(visit: Visit) -> Response:
    refused, product, media_id = await _own_picture(visit)
    if refused is not None:
        return refused
    result = await visit.graphql("ProductMediaDelete", id=media_id)
    payload = result.data.get("productMediaDelete") or {}
    errors = field_errors(visit, payload.get("errors") or result.errors)
    if errors:
        return _page(visit, product, errors)
    return _back(product, visit.gettext("The picture is removed."), visit)
