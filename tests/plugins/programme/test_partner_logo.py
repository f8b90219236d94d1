"""A partner's logo goes through the same multipart upload and picture checks as product
media, is served from /media, and only operators may set it."""

from __future__ import annotations

import json
from typing import Any

from engine.plugins.api import encode_id
from engine.testing.client import Client
from tests.plugins.programme.setup import partner, staff
from tests.test_media import picture

LOGO = """mutation($id: ID!, $file: Upload!) { partnerLogoUpload(id: $id, file: $file) {
  partner { logoUrl } errors { field code } } }"""


async def _upload(client: Client, token: str | None, partner_id: int, name: str,
                  data: bytes) -> dict[str, Any]:
    operations = json.dumps({"query": LOGO, "variables": {
        "id": encode_id("Partner", partner_id), "file": None}})
    response = await client.http.post(
        "/graphql", data={"operations": operations, "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (name, data, "application/octet-stream")},
        headers={"Authorization": f"Bearer {token}"} if token else {})
    body: dict[str, Any] = response.json()
    return body


async def test_an_operator_uploads_a_logo_that_is_served_and_listed(client: Client) -> None:
    op = await client.operator()
    lepe = await partner(client)
    body = await _upload(client, op, lepe, "logo.jpg", picture("PNG", (200, 120)))
    done = body["data"]["partnerLogoUpload"]
    assert done["errors"] == []
    url = done["partner"]["logoUrl"]
    assert "/media/logos/" in url and url.endswith(".png")
    served = await client.http.get("/media/" + url.split("/media/", 1)[1])
    assert served.status_code == 200 and served.headers["content-type"] == "image/png"
    assert served.content[:8] == b"\x89PNG\r\n\x1a\n"
    listed = await client.gql("{ partners { logoUrl } }")
    assert listed["partners"] == [{"logoUrl": url}]


async def test_a_non_picture_is_refused_and_nobody_but_operators_may_upload(
        client: Client) -> None:
    op = await client.operator()
    lepe = await partner(client)
    adviser = await staff(client, lepe, "adviser@lepe.example")
    body = await _upload(client, op, lepe, "logo.png", b"%PDF-1.4 not a picture")
    assert body["data"]["partnerLogoUpload"]["errors"] == [
        {"field": "file", "code": "UNSUPPORTED_FILE_TYPE"}]
    for token in (adviser, None):
        refused = await _upload(client, token, lepe, "logo.png", picture("PNG"))
        assert refused["errors"][0]["extensions"]["code"] in {
            "PERMISSION_DENIED", "UNAUTHENTICATED"}
    assert (await client.gql("{ partners { logoUrl } }"))["partners"] == [{"logoUrl": ""}]
