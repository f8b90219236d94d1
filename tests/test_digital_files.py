"""Digital goods' files: private storage under the vendor's prefix, served only through a
valid, unexpired link shown to the buyer (both storage backends)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import jwt

from engine.api.ids import decode_id
from tests.client import Client
from tests.shop import COMPLETE, checkout

UPLOAD = """mutation($p: ID!, $file: Upload!) { productDigitalFileUpload(productId: $p,
  file: $file) { product { id } errors { field code message } } }"""
LINKS = """query($id: ID!) { order(id: $id) { vendorOrders { lines { downloadUrl } } } }"""
DELETE = """mutation($id: ID!) { productDelete(id: $id) { errors { code } } }"""
BILLING = {"firstName": "A", "lastName": "B", "streetAddress1": "Rua 1", "city": "Faro",
           "postalCode": "8000-138", "country": "PT"}
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


async def upload(client: Client, token: str, product_id: str, name: str,
                 data: bytes) -> dict[str, Any]:
    operations = json.dumps({"query": UPLOAD, "variables": {"p": product_id, "file": None}})
    response = await client.http.post(
        "/graphql", data={"operations": operations, "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (name, data, "application/pdf")}, headers={"Authorization": f"Bearer {token}"})
    body: dict[str, Any] = response.json()
    return body


async def fetch(client: Client, link: str) -> httpx.Response:
    """Follow the download link as a browser would (a presigned redirect goes to S3)."""
    response = await client.http.get(link.removeprefix("http://testserver"))
    if response.status_code != 303:
        return response
    async with httpx.AsyncClient() as outside:
        return await outside.get(response.headers["location"])


async def test_the_file_reaches_only_the_buyer_through_a_valid_link(
        plugged: Any, storage: dict[str, Any]) -> None:
    async with plugged(**storage) as client:
        token, vendor_id = await client.vendor("books@example.com", "Libros")
        other, _ = await client.vendor("other@example.com", "Otros")
        product_id, variant_id = await client.product(token, "Recetario", kind="DIGITAL",
                                                      price="0.00")
        denied = await upload(client, other, product_id, "r.pdf", PDF)
        assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        physical, _ = await client.product(token, "Libro", kind="PHYSICAL")
        wrong = await upload(client, token, physical, "r.pdf", PDF)
        assert wrong["data"]["productDigitalFileUpload"]["errors"][0]["code"] == "NOT_DIGITAL"
        done = await upload(client, token, product_id, "../../Recetario final.pdf", PDF)
        assert done["data"]["productDigitalFileUpload"]["errors"] == []
        buyer = await client.register("ana@example.com")

        class Shop:
            variants = {"book": variant_id}

        created = await checkout(client, {"book": 1}, Shop(), buyer,  # type: ignore[arg-type]
                                 billingAddress=BILLING)
        order = (await client.gql(COMPLETE, {"id": created["id"]}, buyer))[
            "checkoutComplete"]["order"]
        assert order["status"] == "PAID"
        link = (await client.gql(LINKS, {"id": order["id"]}, buyer))["order"][
            "vendorOrders"][0]["lines"][0]["downloadUrl"]
        seen = (await client.gql(LINKS, {"id": order["id"]}, token))["order"]
        assert seen["vendorOrders"][0]["lines"][0]["downloadUrl"] is None  # vendor: no link

        response = await client.http.get(link.removeprefix("http://testserver"))
        if storage["storage"].backend == "s3":
            assert response.status_code == 303
            location = urlsplit(response.headers["location"])
            query = parse_qs(location.query)
            assert query["X-Amz-Expires"] == ["60"] and "X-Amz-Signature" in query
            assert location.path.endswith("Recetario-final.pdf")
            assert f"/private/vendors/{decode_id(vendor_id, 'Vendor')}/" in location.path
        else:
            assert response.status_code == 200
            assert response.headers["content-type"] == "application/pdf"
            assert response.headers["cache-control"] == "private, no-store"
        got = await fetch(client, link)
        assert got.status_code == 200 and got.content == PDF

        raw = link.rsplit("/", 1)[1]
        tampered = raw[:-3] + ("AAA" if not raw.endswith("AAA") else "BBB")
        assert (await client.http.get(f"/downloads/{tampered}")).status_code == 403
        claims = jwt.decode(raw, options={"verify_signature": False})
        expired = jwt.encode({**claims, "exp": claims["iat"] - 1},
                             client.runtime.settings.secret_key, algorithm="HS256")
        assert (await client.http.get(f"/downloads/{expired}")).status_code == 403
        forged = jwt.encode(claims, "not-the-secret-key-of-this-marketplace", algorithm="HS256")
        assert (await client.http.get(f"/downloads/{forged}")).status_code == 403

        # the vendor deletes the product: what the buyer paid for keeps working
        await client.gql(DELETE, {"id": product_id}, token)
        again = await fetch(client, link)
        assert again.status_code == 200 and again.content == PDF
