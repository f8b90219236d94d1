"""The candidate's CV on the storefront profile page: a PDF goes up through a plain
multipart form, anything else or anything too big is refused in the visitor's language
and changes nothing, and the file on record opens only for its owner."""

from __future__ import annotations

import html
import re

from starlette.applications import Starlette

from engine.testing.client import Client
from tests.test_storefront_jobs import sign_in
from tests.web_browser import Browser

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HAS_CV = "{ candidateProfile { hasCv } }"


async def test_a_candidate_uploads_a_cv_opens_it_and_nobody_else_can(
        app: Starlette, client: Client) -> None:
    joana = await client.register("joana@example.com")
    await client.register("other@example.com")
    async with Browser(app) as browser, Browser(app) as other, Browser(app) as anonymous:
        await sign_in(browser, "joana@example.com")
        await sign_in(other, "other@example.com")
        saved = await browser.post("/jobs/profile", {
            "displayName": "Joana", "level-PT": "NATIVE", "availability": "IMMEDIATE",
            "workPermit": "YES"})
        assert saved.status_code == 303, saved.text[:2000]
        page = await browser.get("/jobs/profile?lang=en")
        assert "No CV yet." in page.text and 'name="cv"' in page.text
        assert "/jobs/profile/cv?profile=" not in page.text

        nothing = await browser.post("/jobs/profile/cv?lang=pt", {},
                                     form_page="/jobs/profile")
        assert nothing.status_code == 400
        assert "Escolha um ficheiro PDF." in html.unescape(nothing.text)
        text = await browser.post("/jobs/profile/cv?lang=es", {}, form_page="/jobs/profile",
                                  files={"cv": ("cv.pdf", b"not a pdf at all", "application/pdf")})
        assert text.status_code == 400
        assert 'id="cv-error">Sube el CV en PDF.<' in text.text
        big = await browser.post("/jobs/profile/cv?lang=pt", {}, form_page="/jobs/profile",
                                 files={"cv": ("cv.pdf", PDF + b"0" * 600_000,
                                               "application/pdf")})
        assert big.status_code == 400
        assert "Um CV pode ter no máximo 512 KiB." in html.unescape(big.text)
        assert (await client.gql(HAS_CV, token=joana))["candidateProfile"] == {"hasCv": False}

        done = await browser.post("/jobs/profile/cv", {}, form_page="/jobs/profile",
                                  files={"cv": ("Joana CV.pdf", PDF, "application/pdf")})
        assert done.status_code == 303 and done.headers["location"] == "/jobs/profile#cv"
        assert (await client.gql(HAS_CV, token=joana))["candidateProfile"] == {"hasCv": True}
        page = await browser.get("/jobs/profile?lang=en")
        link = re.search(r'href="(/jobs/profile/cv\?profile=[^"]+)"', page.text)
        assert link, page.text[:3000]
        opened = await browser.get(html.unescape(link[1]))
        assert opened.status_code == 200 and opened.content == PDF
        assert opened.headers["content-type"] == "application/pdf"
        assert 'filename="JoanaCV.pdf"' in opened.headers["content-disposition"]
        assert "no-store" in opened.headers["cache-control"]

        # a file name in Cyrillic (or Arabic) cannot go into a Latin-1 header: it still opens
        renamed = await browser.post("/jobs/profile/cv", {}, form_page="/jobs/profile",
                                     files={"cv": ("Резюме.pdf", PDF, "application/pdf")})
        assert renamed.status_code == 303
        again = await browser.get(html.unescape(link[1]))
        assert again.status_code == 200 and again.content == PDF
        assert 'filename="cv.pdf"' in again.headers["content-disposition"]
        theirs = await other.get(html.unescape(link[1]))
        assert theirs.status_code == 404 and theirs.content != PDF
        guarded = await anonymous.get(html.unescape(link[1]))
        assert guarded.status_code == 303 and "/account/login" in guarded.headers["location"]
        assert all(count <= 2 for _path, count, _size in browser.documents), browser.documents
