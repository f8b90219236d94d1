"""Product pictures through the real multipart endpoint, on both storage backends."""

from __future__ import annotations

import io
import json
from typing import Any

from PIL import Image
from sqlalchemy import func, select

from engine.api.ids import decode_id
from engine.media.models import ProductMedia
from engine.plugins.markers import hookimpl
from tests.client import Client

CREATE = """mutation($p: ID!, $file: Upload!, $alt: String) {
  productMediaCreate(productId: $p, file: $file, alt: $alt) {
    media { id alt type width height url } errors { field code message } } }"""
PRODUCT = """query($id: ID!) { product(id: $id) { thumbnail(size: 300)
  media { id alt url url200: url(size: 200) } } }"""
DELETE_MEDIA = """mutation($id: ID!) { productMediaDelete(id: $id) { errors { code } } }"""
REORDER = """mutation($p: ID!, $ids: [ID!]!) { productMediaReorder(productId: $p, mediaIds: $ids)
  { media { id } errors { field code } } }"""
DELETE_PRODUCT = """mutation($id: ID!) { productDelete(id: $id) { errors { code } } }"""


def picture(fmt: str, size: tuple[int, int] = (640, 480), color: str = "olive") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


async def upload(client: Client, token: str, product_id: str, name: str, data: bytes,
                 alt: str | None = None) -> dict[str, Any]:
    operations = json.dumps({"query": CREATE,
                             "variables": {"p": product_id, "file": None, "alt": alt}})
    response = await client.http.post(
        "/graphql", data={"operations": operations, "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (name, data, "application/octet-stream")},
        headers={"Authorization": f"Bearer {token}"})
    body: dict[str, Any] = response.json()
    return body


async def stored(client: Client) -> int:
    async with client.runtime.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(ProductMedia)) or 0)


async def test_a_jpeg_named_png_is_stored_as_jpeg_with_thumbnails_after_the_outbox(
        plugged: Any, storage: dict[str, Any]) -> None:
    """The core's ``ruta_product_media_uploaded`` implementation makes the thumbnails."""
    async with plugged(**storage) as client:
        token, _ = await client.vendor("pics@example.com", "Pics")
        product_id, _ = await client.product(token, "Jamón")
        body = await upload(client, token, product_id, "photo.png", picture("JPEG"), "Jamón")
        created = body["data"]["productMediaCreate"]
        assert created["errors"] == []
        media = created["media"]
        assert (media["type"], media["width"], media["height"]) == ("IMAGE", 640, 480)
        assert media["url"].endswith(".jpg") and "/media/products/" in media["url"]
        original = await client.http.get(media["url"].split("testserver")[-1]
                                         .replace("http://127.0.0.1:8000", ""))
        assert original.headers["content-type"] == "image/jpeg"
        assert "immutable" in original.headers["cache-control"]
        assert original.content[:3] == b"\xff\xd8\xff"
        before = (await client.gql(PRODUCT, {"id": product_id}))["product"]
        assert before["media"][0]["url200"] == media["url"]  # no thumbnail yet
        assert client.runtime.dispatcher is not None
        await client.runtime.dispatcher.drain()
        after = (await client.gql(PRODUCT, {"id": product_id}))["product"]
        assert after["media"][0]["url200"].endswith("-200.webp")
        assert after["thumbnail"].endswith("-400.webp")
        path = after["media"][0]["url200"].replace("http://127.0.0.1:8000", "")
        thumb = await client.http.get(path)
        assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/webp"
        with Image.open(io.BytesIO(thumb.content)) as image:
            assert image.format == "WEBP" and image.width == 200


async def test_refused_uploads_leave_no_file_and_no_row(plugged: Any,
                                                         storage: dict[str, Any]) -> None:
    async with plugged(**storage) as client:
        token, _ = await client.vendor("strict@example.com", "Strict")
        product_id, _ = await client.product(token, "Queso")
        bomb = picture("PNG", (2100, 2100), "white")  # 4.4 Mpx over a 4 Mpx limit, tiny file
        cases = [("x.jpg", b"this is text, not a picture", "UNSUPPORTED_FILE_TYPE"),
                 ("small.bmp", picture("BMP", (100, 100)), "UNSUPPORTED_FILE_TYPE"),
                 ("large.png", b"\x89PNG" + b"0" * 200_001, "FILE_TOO_LARGE"),
                 ("bomb.png", bomb, "IMAGE_TOO_LARGE")]
        for name, data, code in cases:
            body = await upload(client, token, product_id, name, data)
            payload = body["data"]["productMediaCreate"]
            assert payload["media"] is None, name
            assert (payload["errors"][0]["field"], payload["errors"][0]["code"]) == (
                "file", code), name
        assert await stored(client) == 0
        assert await client.runtime.stores.public.exists("products") is False


async def test_vendors_touch_only_their_own_products_media(plugged: Any,
                                                           storage: dict[str, Any]) -> None:
    async with plugged(**storage) as client:
        owner, _ = await client.vendor("own@example.com", "Own")
        other, _ = await client.vendor("other@example.com", "Other")
        product_id, _ = await client.product(owner, "Aceite")
        refused = await upload(client, other, product_id, "a.png", picture("PNG"))
        assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        mine = await upload(client, owner, product_id, "a.png", picture("PNG"))
        media_id = mine["data"]["productMediaCreate"]["media"]["id"]
        second = await upload(client, owner, product_id, "b.webp", picture("WEBP", color="red"))
        second_id = second["data"]["productMediaCreate"]["media"]["id"]
        denied = await client.raw(DELETE_MEDIA, {"id": media_id}, other)
        assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        reordered = await client.gql(REORDER, {"p": product_id, "ids": [second_id, media_id]},
                                     owner)
        assert [m["id"] for m in reordered["productMediaReorder"]["media"]] == [
            second_id, media_id]
        assert await stored(client) == 2
        update = """mutation($id: ID!, $t: [MediaTranslationInput!]) {
          productMediaUpdate(id: $id, alt: "Olive oil", translations: $t) {
            media { alt } errors { code } } }"""
        refused_update = await client.raw(update, {"id": media_id, "t": []}, other)
        assert refused_update["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        await client.gql(update, {"id": media_id, "t": [{"languageCode": "PT",
                                                         "alt": "Azeite"}]}, owner)
        alts = await client.gql("""query($id: ID!) { en: product(id: $id) { media { alt } }
          pt: product(id: $id, languageCode: PT) { media { alt } } }""", {"id": product_id})
        assert [m["alt"] for m in alts["en"]["media"]] == ["", "Olive oil"]
        assert [m["alt"] for m in alts["pt"]["media"]] == ["", "Azeite"]
        await client.gql(DELETE_MEDIA, {"id": media_id}, owner)
        assert await stored(client) == 1


async def test_deleting_a_product_removes_its_pictures(plugged: Any,
                                                       storage: dict[str, Any]) -> None:
    async with plugged(**storage) as client:
        token, _ = await client.vendor("del@example.com", "Del")
        product_id, _ = await client.product(token, "Miel")
        body = await upload(client, token, product_id, "m.png", picture("PNG"))
        url = body["data"]["productMediaCreate"]["media"]["url"]
        assert client.runtime.dispatcher is not None
        await client.runtime.dispatcher.drain()
        key = url.split("/media/", 1)[1]
        assert await client.runtime.stores.public.exists(key)
        await client.gql(DELETE_PRODUCT, {"id": product_id}, token)
        assert await stored(client) == 0
        assert not await client.runtime.stores.public.exists(key)
        gone = await client.http.get(url.replace("http://127.0.0.1:8000", ""))
        assert gone.status_code == 404


class MediaWatcher:
    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []

    @hookimpl
    def ruta_product_media_uploaded(self, media_id: int, product_id: int) -> None:
        self.seen.append((media_id, product_id))


async def test_plugins_hear_of_new_pictures_after_commit(plugged: Any,
                                                         storage: dict[str, Any]) -> None:
    watcher = MediaWatcher()
    async with plugged(watcher, **storage) as client:
        token, _ = await client.vendor("hook@example.com", "Hook")
        product_id, _ = await client.product(token, "Vino")
        await upload(client, token, product_id, "bad.jpg", b"not a picture")
        body = await upload(client, token, product_id, "v.png", picture("PNG"))
        assert client.runtime.dispatcher is not None
        await client.runtime.dispatcher.drain()
    media_pk = decode_id(body["data"]["productMediaCreate"]["media"]["id"], "ProductMedia")
    assert watcher.seen == [(media_pk, decode_id(product_id, "Product"))]
