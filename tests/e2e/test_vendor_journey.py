"""Issue 13's browser tests: journey 1 in Spanish, Portuguese, a pseudo-locale and by
keyboard; accessibility; another vendor's pages; CSRF and the session cookie."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from tests.e2e.api import Api
from tests.e2e.driver import Audit, has_no_problems
from tests.e2e.journey import OPERATOR, vendor_journey

CLEAN = {"axe": [], "untranslated": [], "budgets": []}


def test_journey_in_spanish_is_accessible_and_another_vendor_cannot_open_its_pages(
        browser: Browser, server: str, api: Api, shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="es-")
    outcome = vendor_journey(browser, server, api, "es", audit)
    assert audit.pages >= 20
    assert has_no_problems(audit) == CLEAN
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/dashboard/login")
    page.fill("#email", "vendor.pt@ruta.example")
    page.fill("#password", "ruta-demo")
    with page.expect_navigation():
        page.click("form[action^='/dashboard/login'] button[type=submit]")
    for url in (outcome.product_url, outcome.order_url):
        response = page.goto(url)
        assert response is not None and response.status in (403, 404), url
        assert "Aceite es" not in page.inner_text("main")
    context.close()


def test_journey_in_portuguese_is_accessible(browser: Browser, server: str, api: Api,
                                             shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="pt-")
    vendor_journey(browser, server, api, "pt", audit)
    assert has_no_problems(audit) == CLEAN


def test_journey_in_the_pseudo_locale_shows_no_text_outside_gettext(
        browser: Browser, server: str, api: Api) -> None:
    audit = Audit(pseudo=True)
    vendor_journey(browser, server, api, "qps", audit)
    assert audit.pages >= 20
    assert has_no_problems(audit) == CLEAN


def test_journey_with_the_keyboard_alone(browser: Browser, server: str, api: Api) -> None:
    audit = Audit()
    vendor_journey(browser, server, api, "es", audit, keyboard=True)
    assert has_no_problems(audit) == CLEAN


def test_a_form_without_its_token_is_refused_and_the_cookie_is_httponly_and_lax(
        browser: Browser, server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/dashboard/login")
    page.fill("#email", OPERATOR[0])
    page.fill("#password", OPERATOR[1])
    with page.expect_navigation():
        page.click("form[action^='/dashboard/login'] button[type=submit]")
    cookie = next(c for c in context.cookies() if c["name"] == "ruta_session")
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax"
    assert page.evaluate("document.cookie").find("ruta_session") == -1
    refused = page.request.post(f"{server}/dashboard/apply",
                                form={"name": "Forged", "country": "ES",
                                      "postalCode": "21700", "taxId": "B21000005"})
    assert refused.status == 403
    context.close()
