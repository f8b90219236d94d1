"""A real CV (a few hundred KiB) goes up as a file through the GraphQL multipart request;
base64 stays for small files only, because every string input of the API is capped at
100,000 characters. Refusals are typed and change nothing."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from tests.client import Client
from tests.plugins.jobs.scenario import candidate

UPLOAD = """mutation($f: Upload) { candidateCvUpload(file: $f) {
  profile { hasCv } errors { field code } } }"""
BASE64 = """mutation($c: String) { candidateCvUpload(contentBase64: $c, filename: "cv.pdf") {
  profile { hasCv } errors { field code } } }"""
CV_LINK = "mutation($p: ID!) { jobsCvLink(profileId: $p) { token } }"
CV_GET = "query($t: String!) { jobsCvDownload(token: $t) { filename contentBase64 } }"
MINE = "{ candidateProfile { id hasCv } }"
#: A 300 KiB PDF: a CV with a photo is this size.
PDF = b"%PDF-1.4\n" + b"%" + b"x" * (300 * 1024) + b"\n%%EOF\n"


def pdf_files(root: Path) -> list[Path]:
    return list(root.rglob("*.pdf"))


async def send_file(client: Client, token: str, name: str, data: bytes) -> dict[str, Any]:
    operations = json.dumps({"query": UPLOAD, "variables": {"f": None}})
    response = await client.http.post(
        "/graphql", data={"operations": operations,
                          "map": json.dumps({"0": ["variables.f"]})},
        files={"0": (name, data, "application/pdf")},
        headers={"Authorization": f"Bearer {token}"})
    body: dict[str, Any] = response.json()
    return body


async def test_a_300_kib_cv_goes_up_as_a_file_and_comes_back_whole(
        plugged: Any, tmp_path: Path) -> None:
    async with plugged(media_root=str(tmp_path)) as client:
        ana = await candidate(client, "ana@example.com")
        too_long = await client.raw(BASE64, {"c": base64.b64encode(PDF).decode()}, ana)
        assert too_long["errors"][0]["extensions"]["code"] == "TOO_LONG"
        nothing = await client.gql(BASE64, {"c": None}, ana)
        assert nothing["candidateCvUpload"]["errors"] == [{"field": "file", "code": "REQUIRED"}]
        not_pdf = await send_file(client, ana, "cv.pdf", b"MZ" + b"\0" * 1000)
        assert not_pdf["data"]["candidateCvUpload"]["errors"] == [
            {"field": "content", "code": "UNSUPPORTED_FILE"}]
        big = await send_file(client, ana, "cv.pdf", PDF + b"0" * (300 * 1024))
        assert big["data"]["candidateCvUpload"]["errors"] == [
            {"field": "content", "code": "FILE_TOO_LARGE"}]
        assert (await client.gql(MINE, token=ana))["candidateProfile"]["hasCv"] is False
        assert pdf_files(tmp_path) == []  # nothing was written

        done = await send_file(client, ana, "Ana CV.pdf", PDF)
        assert done["data"]["candidateCvUpload"] == {"profile": {"hasCv": True}, "errors": []}
        profile = (await client.gql(MINE, token=ana))["candidateProfile"]
        link = (await client.gql(CV_LINK, {"p": profile["id"]}, ana))["jobsCvLink"]["token"]
        got = (await client.gql(CV_GET, {"t": link}, ana))["jobsCvDownload"]
        assert got["filename"] == "Ana CV.pdf"
        assert base64.b64decode(got["contentBase64"]) == PDF
