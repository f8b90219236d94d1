"""The vendor's product pictures page: a real multipart upload through ``productMediaCreate``
(in process, as an ``Upload`` variable), alt text, order, removal; refusals next to their
field in the visitor's language; another vendor's product answers 404."""

from __future__ import annotations

import html
import io
import os
import re
from pathlib import Path
from typing import Any

from PIL import Image
from starlette.applications import Starlette

from engine.storage.settings import StorageSettings
from engine.testing.client import PASSWORD, Client
from tests.web_browser import Browser

MEDIA = "query($id: ID!) { product(id: $id) { media { id alt width height } } }"


def picture(fmt: str, size: tuple[int, int], color: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


async def media_of(client: Client, token: str, product_id: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (await client.gql(MEDIA, {"id": product_id}, token)
                                   )["product"]["media"]
    return found


def noise(side: int) -> bytes:
    """A PNG of random pixels: it does not compress, so its size is about ``3 * side**2``."""
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(3 * side * side)).save(out, "PNG")
    return out.getvalue()


def budgets(browser: Browser) -> None:
    for path, count, size in browser.documents:
        assert count <= 2 and size < 100_000, (path, count, size)


async def test_a_vendor_uploads_a_png_then_edits_alt_text_order_and_removes_one(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("es@example.com", "Miel ES")
    product_id, _ = await client.product(token, "Miel de brezo")
    pages = f"/dashboard/products/{product_id}/images"
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        edit = await browser.get(f"/dashboard/products/{product_id}")
        assert f'href="{pages}"' in edit.text
        empty = await browser.get(pages)
        assert empty.status_code == 200 and "no picture yet" in empty.text
        assert 'enctype="multipart/form-data"' in empty.text
        png = picture("PNG", (320, 240), "goldenrod")
        added = await browser.post(pages, {"alt": "A jar of heather honey"},
                                   files={"file": ("honey.png", png, "image/png")})
        assert added.status_code == 303 and added.headers["location"] == pages
        jpeg = picture("JPEG", (300, 300), "saddlebrown")
        second = await browser.post(pages, {"alt": "The hives"},
                                    files={"file": ("hives.jpg", jpeg, "image/jpeg")})
        assert second.status_code == 303
        stored = await media_of(client, token, product_id)
        assert [(m["alt"], m["width"], m["height"]) for m in stored] == [
            ("A jar of heather honey", 320, 240), ("The hives", 300, 300)]
        assert client.runtime.dispatcher is not None
        await client.runtime.dispatcher.drain()  # thumbnails are made after commit
        listed = await browser.get(pages)
        sources = re.findall(r'<img src="([^"]+)" alt="([^"]*)"', listed.text)
        assert [alt for _, alt in sources] == ["A jar of heather honey", "The hives"]
        assert all(src.endswith("-200.webp") for src, _ in sources), sources
        moved = await browser.post(f"{pages}/{stored[1]['id']}/move", {"direction": "up"},
                                   form_page=pages)
        assert moved.status_code == 303
        assert [m["id"] for m in await media_of(client, token, product_id)] == [
            stored[1]["id"], stored[0]["id"]]
        renamed = await browser.post(f"{pages}/{stored[0]['id']}",
                                     {"alt": "Heather honey, 500 g"}, form_page=pages)
        assert renamed.status_code == 303
        removed = await browser.post(f"{pages}/{stored[1]['id']}/delete", {}, form_page=pages)
        assert removed.status_code == 303
        assert "The picture is removed." in (await browser.get(pages)).text
    assert [(m["id"], m["alt"]) for m in await media_of(client, token, product_id)] == [
        (stored[0]["id"], "Heather honey, 500 g")]
    budgets(browser)


async def test_a_text_file_named_jpg_is_refused_next_to_the_field_in_spanish(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("es@example.com", "Miel ES")
    product_id, _ = await client.product(token, "Miel de brezo")
    pages = f"/dashboard/products/{product_id}/images"
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        await browser.get("/dashboard/?lang=es")
        refused = await browser.post(pages, {"alt": "Tarro"},
                                     files={"file": ("x.jpg", b"just some text\n", "image/jpeg")})
        assert refused.status_code == 400
        error = re.search(r'<p class="error" id="file-error">([^<]+)</p>', refused.text)
        assert error and html.unescape(error.group(1)) == \
            "Este archivo no es una imagen JPEG, PNG o WebP."
        assert 'aria-describedby="file-error"' in refused.text
        assert 'value="Tarro"' in refused.text  # the alt text typed is kept
        assert await media_of(client, token, product_id) == []
        await browser.post(pages, {}, files={"file": ("p.png", picture(
            "PNG", (64, 64), "red"), "image/png")})
        media_id = (await media_of(client, token, product_id))[0]["id"]
        too_long = await browser.post(f"{pages}/{media_id}", {"alt": "m" * 300},
                                      form_page=pages)
        assert too_long.status_code == 400
        error = re.search(r'<p class="error" id="alt-1-error">([^<]+)</p>', too_long.text)
        assert error and html.unescape(error.group(1)) == "Es demasiado largo."
    assert [m["alt"] for m in await media_of(client, token, product_id)] == [""]
    budgets(browser)


async def test_another_vendors_product_pictures_answer_404_and_change_nothing(
        app: Starlette, client: Client) -> None:
    owner, _ = await client.vendor("es@example.com", "Miel ES")
    product_id, _ = await client.product(owner, "Miel de brezo")
    mine = f"/dashboard/products/{product_id}/images"
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        await browser.post(mine, {"alt": "Honey"}, files={"file": ("h.png", picture(
            "PNG", (80, 60), "gold"), "image/png")})
    media_id = (await media_of(client, owner, product_id))[0]["id"]
    other, _ = await client.vendor("pt@example.com", "Mel PT")
    own_id, _ = await client.product(other, "Mel de urze")
    async with Browser(app) as stranger:
        await stranger.login("pt@example.com", PASSWORD)
        assert (await stranger.get(mine)).status_code == 404
        form = f"/dashboard/products/{own_id}/images"
        upload = await stranger.post(mine, {"alt": "Mine now"}, form_page=form, files={
            "file": ("h.png", picture("PNG", (80, 60), "black"), "image/png")})
        assert upload.status_code == 404
        for path, data in ((f"{mine}/{media_id}", {"alt": "Stolen"}),
                           (f"{mine}/{media_id}/delete", {}),
                           (f"{form}/{media_id}/delete", {}),  # not this product's picture
                           (f"{mine}/{media_id}/move", {"direction": "down"})):
            assert (await stranger.post(path, data, form_page=form)).status_code == 404, path
    assert [(m["id"], m["alt"]) for m in await media_of(client, owner, product_id)] == [
        (media_id, "Honey")]
    assert await media_of(client, other, own_id) == []
    budgets(stranger)


async def test_without_the_form_token_an_upload_is_refused_and_nothing_is_stored(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("es@example.com", "Miel ES")
    product_id, _ = await client.product(token, "Miel de brezo")
    pages = f"/dashboard/products/{product_id}/images"
    async with Browser(app) as browser:
        await browser.login("es@example.com", PASSWORD)
        png = ("h.png", picture("PNG", (40, 40), "gold"), "image/png")
        forged = await browser.http.post(pages, data={"alt": "Forged"}, files={"file": png})
        assert forged.status_code == 403
        wrong = await browser.http.post(pages, data={"alt": "Forged", "csrf_token": "1.2.3"},
                                        files={"file": png})
        assert wrong.status_code == 403
    assert await media_of(client, token, product_id) == []


async def test_a_picture_larger_than_a_page_form_uploads_and_one_over_the_api_limit_is_refused(
        plugged: Any, tmp_path: Path) -> None:
    """The pictures page takes bodies up to the upload limit (other pages keep the small
    one); the API's own size limit then answers FILE_TOO_LARGE, shown in Portuguese."""
    storage = StorageSettings(public_root=str(tmp_path / "public"), max_upload_bytes=300_000)
    async with plugged(storage=storage, max_body_bytes=100_000) as client:
        token, _ = await client.vendor("pt@example.com", "Mel PT")
        product_id, _ = await client.product(token, "Mel de urze")
        pages = f"/dashboard/products/{product_id}/images"
        async with Browser(client.app) as browser:
            await browser.login("pt@example.com", PASSWORD)
            await browser.get("/dashboard/?lang=pt")
            big = noise(250)  # about 190 kB: over the 100 kB page limit, under the API's
            assert 100_000 < len(big) < 300_000
            added = await browser.post(pages, {"alt": "Favos"},
                                       files={"file": ("favos.png", big, "image/png")})
            assert added.status_code == 303, added.text[:300]
            huge = noise(350)  # about 370 kB
            refused = await browser.post(pages, {"alt": "Colmeia"},
                                         files={"file": ("colmeia.png", huge, "image/png")})
            assert refused.status_code == 400
            error = re.search(r'<p class="error" id="file-error">([^<]+)</p>', refused.text)
            assert error and html.unescape(error.group(1)) == "Este ficheiro é demasiado grande."
            form_page = f"/dashboard/products/{product_id}"
            other = await browser.post(form_page, {"name": "x"}, files={
                "file": ("favos.png", big, "image/png")})
            assert other.status_code == 413  # only the pictures page takes large bodies
        assert [(m["alt"], m["width"]) for m in await media_of(client, token, product_id)] == [
            ("Favos", 250)]
