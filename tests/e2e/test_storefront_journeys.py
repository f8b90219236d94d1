"""Issue 14's browser tests on the storefront: the buyer journey (Portuguese, Arabic, the
pseudo-locale), the VAT of three places on one product page, accessibility of the buying
pages in Spanish and Arabic, and the installable web app (manifest, service worker, offline
page with the network cut). Screenshots at 1280 and 360 px."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from tests.e2e.driver import Audit, Driver, has_no_problems
from tests.e2e.storefront_journey import add_to_cart, buyer_journey, choose_place

CLEAN = {"axe": [], "untranslated": [], "budgets": []}
EBOOK = "/products/cocina-donana-ebook"


def test_journey_1_a_buyer_in_portugal_pays_two_vendors_and_downloads_the_e_book(
        browser: Browser, server: str, shots: Path) -> None:
    audit = Audit(shots=shots, prefix="store-pt-")
    outcome = buyer_journey(browser, server, "pt", audit)
    assert "Azeite virgem extra" in outcome.names  # "azeite" found the Spanish olive oil
    assert "Café torrado artesanal" in outcome.names  # "cafe" found "Café"
    assert "/orders/view?token=" in outcome.order_url
    assert outcome.vendor_parts == 2
    assert outcome.pdf.startswith(b"%PDF")
    assert has_no_problems(audit) == CLEAN


def test_journey_2_the_e_book_shows_the_vat_of_huelva_faro_and_las_palmas(
        browser: Browser, server: str, shots: Path) -> None:
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    driver = Driver(page, server, Audit(shots=shots, prefix="store-vat-"))
    seen = []
    for country, postal_code in (("ES", "21700"), ("PT", "8000-283"), ("ES", "35001")):
        choose_place(driver, country, postal_code)
        driver.goto(EBOOK + "?lang=es", f"ebook-{postal_code}")
        seen.append(driver.text("#price"))
    context.close()
    assert seen == ["9,36\u00a0€", "9,54\u00a0€", "9,00\u00a0€"]


def test_journey_5_in_arabic_is_right_to_left_and_accessible(
        browser: Browser, server: str, shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="store-ar-")
    outcome = buyer_journey(browser, server, "ar", audit)
    assert outcome.direction == "rtl" and outcome.vendor_parts == 2
    assert has_no_problems(audit) == CLEAN


def test_the_journey_in_the_pseudo_locale_shows_no_text_outside_the_catalogs(
        browser: Browser, server: str) -> None:
    audit = Audit(pseudo=True)
    buyer_journey(browser, server, "qps", audit)
    assert audit.pages >= 10
    assert has_no_problems(audit) == CLEAN


def test_the_buying_pages_in_spanish_are_accessible(browser: Browser, server: str,
                                                    shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="store-es-")
    context = browser.new_context(locale="es-ES")
    driver = Driver(context.new_page(), server, audit)
    driver.goto("/?lang=es", "home")
    driver.goto("/products?q=aceite", "listing")
    add_to_cart(driver, "vino-naranja-condado", "product")
    driver.landed("cart")
    driver.goto("/checkout", "checkout")
    driver.goto("/jobs?lang=es&q=cocina", "jobs")
    driver.press(".job a", "job-offer")
    offer = driver.text("h1")
    context.close()
    assert offer == "Ayudante de cocina en Bollullos"
    assert audit.pages == 7 and has_no_problems(audit) == CLEAN


def test_the_web_app_installs_and_shows_the_offline_page_without_network(
        browser: Browser, server: str, shots: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780})  # a phone
    page = context.new_page()
    page.goto(f"{server}/?lang=en")
    manifest = page.request.get(f"{server}/manifest.webmanifest").json()
    assert manifest["start_url"].startswith("/") and manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    assert manifest["name"] and manifest["theme_color"].startswith("#")
    assert page.get_attribute("link[rel=manifest]", "href") == "/manifest.webmanifest"
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == f"{server}/"
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=10_000)
    context.set_offline(True)
    page.goto(f"{server}/products/cocina-donana-ebook")
    assert page.locator("h1").inner_text() == "You are offline"
    # the offline page fits the phone's 360 px: no sideways scrolling
    assert page.evaluate("[window.innerWidth, document.documentElement.scrollWidth]") == \
        [360, 360]
    shot = shots / "store-offline-360.png"
    page.screenshot(path=str(shot))
    context.close()
    assert int.from_bytes(shot.read_bytes()[16:20], "big") == 360  # the PNG's width
