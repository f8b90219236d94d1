"""The certificate as a PDF: the learner's name, the course, the date and the issuer in the
learner's language, and a QR code that opens the public verification page, which confirms
the same certificate. The link is signed and short-lived; a revoked certificate has none."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlparse

import pypdfium2
import zxingcpp
from pypdf import PdfReader

from tests.client import Client
from tests.plugins.elearning.test_certificates import REVOKE, certified, check

NAME = """mutation($n: String!) { accountUpdate(input: { name: $n }) { errors { field } } }"""
LINKS = """query($l: LanguageCodeEnum) { myEnrolments { certificate { credentialId
  verifyUrl pdfUrl(languageCode: $l) } } }"""


async def links(client: Client, token: str, language: str | None) -> dict[str, Any]:
    found: dict[str, Any] = (await client.gql(LINKS, {"l": language}, token)
                             )["myEnrolments"][0]["certificate"]
    return found


async def download(client: Client, url: str) -> bytes:
    response = await client.http.get(urlparse(url).path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    return response.content


def text_of(body: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    return text.replace("\xa0", " ").replace("\u202f", " ")


def qr_of(body: bytes) -> str:
    image = pypdfium2.PdfDocument(body)[0].render(scale=3).to_pil()
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1
    return str(found[0].text)


async def named_certificate(client: Client) -> dict[str, Any]:
    async def name_the_learner(token: str) -> None:
        assert (await client.gql(NAME, {"n": "Ana Sousa Pereira"}, token)
                )["accountUpdate"]["errors"] == []

    return await certified(client, before_completion=name_the_learner)


async def test_the_pdf_names_learner_course_date_issuer_and_its_qr_opens_verification(
        client: Client) -> None:
    cert = await named_certificate(client)
    found = await links(client, cert["learner"], "ES")
    body = await download(client, found["pdfUrl"])
    text = text_of(body)
    today = datetime.now(UTC)
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre"]
    assert "Certificado de finalización" in text
    assert "Ana Sousa Pereira" in text and "Digital marketing" in text
    assert f"{today.day} de {months[today.month - 1]} de {today.year}" in text
    assert "Emisor: Ruta (https://ruta.example)" in text
    assert cert["credentialId"] in text.replace("\n", "")
    scanned = qr_of(body)
    assert scanned == found["verifyUrl"]
    assert urlparse(scanned).path == "/verify"
    credential = parse_qs(urlparse(scanned).query)["credential"][0]
    assert credential == cert["credentialId"]
    result = await check(client, credential)  # what /verify asks the API
    assert (result["valid"], result["reason"]) == (True, "VALID")
    assert result["recipientName"] == "Ana Sousa Pereira"
    assert result["courseName"] == "Digital marketing"
    english = text_of(await download(client, (await links(client, cert["learner"], None)
                                              )["pdfUrl"]))
    assert "Certificate of completion" in english and "Awarded to" in english


async def test_an_arabic_pdf_is_shaped_and_still_carries_the_qr(client: Client) -> None:
    cert = await named_certificate(client)
    found = await links(client, cert["learner"], "AR")
    body = await download(client, found["pdfUrl"])
    assert qr_of(body) == found["verifyUrl"]
    assert "Ana Sousa Pereira" in text_of(body)


async def test_pdf_links_are_signed_and_die_with_revocation(client: Client) -> None:
    cert = await named_certificate(client)
    found = await links(client, cert["learner"], "EN")
    path = urlparse(found["pdfUrl"]).path
    assert (await client.http.get(path[:-3] + "xyz")).status_code == 403
    assert (await client.http.get("/elearning/certificates/not-a-token")).status_code == 403
    other = await client.register("other@example.com")
    assert (await client.gql(LINKS, {"l": "EN"}, other))["myEnrolments"] == []
    data = await client.gql(REVOKE, {"id": cert["credentialId"], "r": "Exam fraud"},
                            cert["operator"])
    assert data["certificateRevoke"]["errors"] == []
    assert (await client.http.get(path)).status_code == 403
    assert (await links(client, cert["learner"], "EN"))["pdfUrl"] is None
    result = await check(client, cert["credentialId"])
    assert (result["reason"], result["revokedReason"]) == ("REVOKED", "Exam fraud")
