"""Issue 14's journey 3 in a browser: a learner completes the demo course's lessons and
quiz, downloads the certificate, opens the QR code's link and sees the certificate
verified at ``/verify``; a tampered credential shows "tampered". Issue 14's journey 4: a
buyer in Madrid books an expert in Lisbon and the times shown match. Axe finds no serious or
critical violation on the learning and advice pages in Spanish and Arabic."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pypdfium2
import zxingcpp
from playwright.sync_api import Browser, Page

from tests.e2e.driver import Audit, Driver, has_no_problems

CLEAN = {"axe": [], "untranslated": [], "budgets": []}
COURSE = "/learn/courses/curso-primeros-pasos-autonomo"
LESSONS = 5


def sign_in(driver: Driver, email: str, lang: str) -> None:
    driver.goto(f"/account/login?next={COURSE}&lang={lang}")
    driver.fill("#email", email)
    driver.fill("#password", "ruta-demo")
    driver.press("main form button[type=submit]")


def learn(page: Page, server: str, audit: Audit, lang: str, email: str) -> Driver:
    """Enrol in the free demo course and complete it; ends on the certificate page."""
    driver = Driver(page, server, audit)
    sign_in(driver, email, lang)
    driver.landed("course")
    driver.press("form[action$='/enrol'] button", "lesson-1")
    for number in range(1, LESSONS):
        assert page.url.endswith(f"{COURSE}/lessons/{number}")
        driver.press("form[action$='/complete'] button", f"lesson-{number + 1}")
    page.check("#q0-1")  # a wrong answer first: graded by the server
    driver.press("form[action$='/quiz'] button", "quiz-failed")
    assert page.url.endswith(f"{COURSE}/lessons/{LESSONS}")
    page.check("#q0-0")
    driver.press("form[action$='/quiz'] button", "certificate")
    assert page.url.endswith(f"{COURSE}/certificate")
    return driver


def qr_link(page: Page, server: str) -> str:
    pdf = page.request.get(server + (page.get_attribute("#certificate-pdf", "href") or ""))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    image = pypdfium2.PdfDocument(pdf.body())[0].render(scale=3).to_pil()
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1
    link = urlparse(found[0].text)
    return f"{link.path}?{link.query}"


def tampered(credential: str) -> str:
    header, payload, signature = credential.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["vc"]["credentialSubject"]["achievement"]["name"] = "Cirugía cardíaca"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


def test_a_learner_completes_the_course_and_verifies_the_certificate_in_spanish(
        browser: Browser, server: str, shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="learn-es-")
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    driver = learn(page, server, audit, "es", "customer@ruta.example")
    assert "Has completado el curso" in driver.notice()
    credential = page.input_value("#credential")
    driver.goto(qr_link(page, server), "verify-valid")
    assert page.get_attribute("#verdict", "data-reason") == "VALID"
    assert "Válido" in driver.text("#verdict")
    assert "Primeros pasos como autónomo" in driver.text("#verdict")
    driver.goto("/verify?lang=es")
    page.fill("textarea#credential", tampered(credential))
    driver.press("form[action='/verify'] button", "verify-tampered")
    assert page.get_attribute("#verdict", "data-reason") == "TAMPERED"
    assert "Manipulado" in driver.text("#verdict")
    driver.goto("/learn?lang=es", "my-courses")
    assert "Tu certificado" in driver.text("main")
    context.close()
    assert has_no_problems(audit) == CLEAN


def test_the_lesson_pages_in_arabic_are_right_to_left_and_accessible(
        browser: Browser, server: str, shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="learn-ar-")
    context = browser.new_context(locale="ar")
    page = context.new_page()
    learn(page, server, audit, "ar", "vendor.pt@ruta.example")
    assert page.get_attribute("html", "dir") == "rtl"
    driver = Driver(page, server, audit)
    driver.goto(f"{COURSE}/lessons/{LESSONS}", "quiz-lesson")
    assert page.get_attribute("html", "lang") == "ar"
    context.close()
    assert has_no_problems(audit) == CLEAN


def test_journey_4_a_buyer_in_madrid_books_an_expert_in_lisbon_and_the_times_match(
        browser: Browser, server: str, shots: Path) -> None:
    """João works 10:00-13:00 and 15:00-18:00 in Lisbon: a buyer in Madrid (one hour ahead)
    sees his slots an hour later, and the booking shows the same wall time as the slot.
    Axe checks the advice pages in Spanish and the expert's page in Arabic."""
    audit = Audit(shots=shots, axe=True, prefix="advice-")
    context = browser.new_context(locale="es-ES", timezone_id="Europe/Madrid")
    page = context.new_page()
    driver = Driver(page, server, audit)
    driver.goto("/account/login?next=/advice%3Fsearch%3D1%26kind%3DMENTOR&lang=es")
    driver.fill("#email", "vendor.es@ruta.example")  # no country on the account: Madrid
    driver.fill("#password", "ruta-demo")
    driver.press("main form button[type=submit]", "find-es")
    driver.press("ol.matches a:text-is('João Martins')", "expert-es")
    assert "(Europe/Madrid)" in driver.text("main")
    slot = page.locator("form[action='/advice/book']").first
    starts = datetime.fromisoformat(slot.locator("input[name=startsAt]").input_value())
    madrid = starts.astimezone(ZoneInfo("Europe/Madrid"))
    lisbon = starts.astimezone(ZoneInfo("Europe/Lisbon"))
    assert madrid.hour == lisbon.hour + 1 and lisbon.hour in (10, 11, 12, 15, 16, 17)
    shown = slot.locator("button").inner_text().strip()
    assert shown.endswith(f"{madrid:%H:%M}")
    driver.press("form[action='/advice/book'] button", "bookings-es")
    assert page.url.endswith("/advice/bookings")
    assert "Tu sesión está reservada." in driver.notice()
    booked = page.locator("ul.bookings li.card", has_text="João Martins").first
    assert shown in booked.inner_text()
    driver.goto("/advice?search=1&kind=MENTOR&lang=ar", "find-ar")
    driver.press("ol.matches a:text-is('João Martins')", "expert-ar")
    assert page.get_attribute("html", "dir") == "rtl"
    context.close()
    assert has_no_problems(audit) == CLEAN
