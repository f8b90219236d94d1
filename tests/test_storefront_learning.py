"""The storefront's learning pages in process, on the demo marketplace: a learner enrols in
the free demo course, reads its lessons, fails and then passes the quiz (graded by the
server), gets the certificate page with its PDF, whose QR code opens ``/verify``; the
verification page tells valid, tampered, revoked and malformed credentials apart."""

from __future__ import annotations

import base64
import html
import json
import re
from urllib.parse import urlparse

from starlette.applications import Starlette

from engine.demo.data import DEMO_PASSWORD
from engine.runtime import Runtime
from tests.plugins.elearning.test_certificate_pdf import qr_of, text_of
from tests.web_browser import Browser

COURSE = "/learn/courses/curso-primeros-pasos-autonomo"
LESSONS = 5  # two modules: 2 + 3 lessons, the last one the quiz


async def sign_in(browser: Browser, email: str = "customer@ruta.example") -> None:
    done = await browser.post("/account/login", {"email": email, "password": DEMO_PASSWORD})
    assert done.status_code == 303, done.text[:500]


async def graphql(browser: Browser, query: str, variables: dict[str, object],
                  email: str) -> dict[str, object]:
    login = await browser.http.post("/graphql", json={
        "query": "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p)"
                 " { token } }", "variables": {"e": email, "p": DEMO_PASSWORD}})
    token = login.json()["data"]["tokenCreate"]["token"]
    answer = await browser.http.post("/graphql", json={"query": query, "variables": variables},
                                     headers={"Authorization": f"Bearer {token}"})
    data: dict[str, object] = answer.json()["data"]
    return data


def tamper(credential: str) -> str:
    header, payload, signature = credential.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["vc"]["credentialSubject"]["achievement"]["name"] = "Neurocirugía avanzada"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


def verdict(page: str) -> str:
    found = re.search(r'data-reason="([A-Z_]+)"', page)
    assert found, page[:3000]
    return found.group(1)


async def finish_the_course(browser: Browser) -> str:
    """Enrol, complete the lessons, fail then pass the quiz; the certificate page's HTML."""
    anonymous = await browser.get(f"{COURSE}/lessons/2?lang=es")
    assert "Inscríbete en el curso para abrir esta lección." in anonymous.text
    await sign_in(browser)
    course = await browser.get(f"{COURSE}?lang=es")
    assert "Inscribirme gratis" in course.text
    enrolled = await browser.post(f"{COURSE}/enrol", {}, form_page=COURSE)
    assert enrolled.headers["location"] == f"{COURSE}/lessons/1"
    for number in range(1, LESSONS):
        page = await browser.get(f"{COURSE}/lessons/{number}")
        assert page.status_code == 200 and "Marcar como completada" in page.text
        done = await browser.post(f"{COURSE}/lessons/{number}/complete", {},
                                  form_page=f"{COURSE}/lessons/{number}")
        assert done.headers["location"] == f"{COURSE}/lessons/{number + 1}"
    quiz_page = f"{COURSE}/lessons/{LESSONS}"
    shown = await browser.get(quiz_page)
    assert "Modelo 036/037" in shown.text and 'name="q0"' in shown.text
    # the demo quiz is translated: the Spanish page asks in Spanish
    assert "¿Con qué modelo te das de alta en Hacienda?" in html.unescape(shown.text)
    assert "isCorrect" not in shown.text and "correct" not in shown.text.lower()
    wrong = await browser.post(f"{quiz_page}/quiz", {"q0": "1"}, form_page=quiz_page)
    assert wrong.headers["location"] == quiz_page
    retry = await browser.get(quiz_page)
    assert "Has obtenido un 0 %: aún no es suficiente. Te quedan 2 intentos." in \
        html.unescape(retry.text)
    right = await browser.post(f"{quiz_page}/quiz", {"q0": "0"}, form_page=quiz_page)
    assert right.headers["location"] == f"{COURSE}/certificate"
    certificate = await browser.get(f"{COURSE}/certificate")
    assert certificate.status_code == 200
    assert "Has completado el curso" in html.unescape(certificate.text)
    return certificate.text


async def test_a_learner_completes_the_demo_course_and_verifies_the_certificate(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        page = await finish_the_course(browser)
        pdf_url = html.unescape(re.search(r'id="certificate-pdf" href="([^"]+)"', page)[1])
        verify_url = html.unescape(re.search(r'id="certificate-verify" href="([^"]+)"',
                                             page)[1])
        pdf = await browser.http.get(urlparse(pdf_url).path)
        assert pdf.headers["content-type"] == "application/pdf"
        assert "Certificado de finalización" in text_of(pdf.content)
        scanned = urlparse(qr_of(pdf.content))
        assert scanned.path == "/verify" and f"{scanned.path}?{scanned.query}" == verify_url
        checked = await browser.get(f"{scanned.path}?{scanned.query}&lang=es")
        assert verdict(checked.text) == "VALID"
        assert "Primeros pasos como autónomo" in html.unescape(checked.text)
        mine = await browser.get("/learn?lang=es")
        assert "Tu certificado" in mine.text and "5 de 5 lecciones" in mine.text
        # at most two GraphQL documents on every learning page
        assert all(count <= 2 for path, count, _ in browser.documents
                   if path.startswith(("/learn", "/verify"))), browser.documents


async def test_the_verification_page_tells_tampered_revoked_and_malformed_apart(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        page = await finish_the_course(browser)
        credential = html.unescape(re.search(
            r'<textarea id="credential" readonly[^>]*>([^<]+)</textarea>', page)[1]).strip()
        valid = await browser.post("/verify?lang=en", {"credential": credential},
                                   form_page="/verify")
        assert verdict(valid.text) == "VALID" and "Valid: this certificate" in valid.text
        forged = await browser.post("/verify?lang=es", {"credential": tamper(credential)},
                                    form_page="/verify")
        assert verdict(forged.text) == "TAMPERED"
        assert "Manipulado" in forged.text and "<del>Neurocirugía avanzada</del>" in \
            html.unescape(forged.text)
        junk = await browser.post("/verify", {"credential": "hello"}, form_page="/verify")
        assert verdict(junk.text) == "MALFORMED"
        credential_id = re.search(r"<code>(urn:uuid:[0-9a-f-]+)</code>", page)[1]
        revoked = await graphql(browser, """mutation($id: String!) { certificateRevoke(
            credentialId: $id, reason: "Plagio") { errors { code } } }""",
                                {"id": credential_id}, "admin@ruta.example")
        assert revoked == {"certificateRevoke": {"errors": []}}
        after = await browser.get(f"/verify?credential={credential_id}&lang=es")
        assert verdict(after.text) == "REVOKED" and "Plagio" in after.text
        arabic = await browser.get(f"{COURSE}/lessons/1?lang=ar")
        assert '<html lang="ar" dir="rtl">' in arabic.text
