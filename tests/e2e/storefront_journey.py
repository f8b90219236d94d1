"""Issue 14's buyer journey on the storefront, in any language: a buyer in Faro searches,
fills a cart from two vendors, checks out with the dummy gateway and downloads the e-book."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Browser

from tests.e2e.driver import Audit, Driver

DETAILS = {"#email": "ana.e2e@example.com", "#firstName": "Ana", "#lastName": "Silva",
           "#streetAddress1": "Rua de Santo António 10", "#postalCode": "8000-283",
           "#city": "Faro"}
SUBMIT = "button[type=submit]"


@dataclass
class Outcome:
    order_url: str
    vendor_parts: int
    pdf: bytes
    direction: str
    names: list[str]


def choose_place(driver: Driver, country: str, postal_code: str, name: str | None = None
                 ) -> None:
    driver.goto("/place?next=/", name)
    driver.select("main #country", country)
    driver.fill("main #postalCode", postal_code)
    driver.press(f"main form[action='/place'] {SUBMIT}")


def add_to_cart(driver: Driver, slug: str, name: str | None = None) -> None:
    driver.goto(f"/products/{slug}", name)
    driver.press(f"form[action='/cart/add'] {SUBMIT}")


def buyer_journey(browser: Browser, base: str, lang: str, audit: Audit) -> Outcome:
    context = browser.new_context(locale={"ar": "ar", "pt": "pt-PT"}.get(lang, "es-ES"))
    page = context.new_page()
    driver = Driver(page, base, audit)
    driver.goto(f"/?lang={lang}", "home")
    direction = page.get_attribute("html", "dir") or ""
    choose_place(driver, "PT", "8000-283", "place")
    driver.fill("header #q", "cafe")
    driver.press(f"header form[role=search] {SUBMIT}", "search-cafe")
    names = page.locator(".products .name").all_inner_texts()
    driver.fill("header #q", "azeite")
    driver.press(f"header form[role=search] {SUBMIT}", "search-azeite")
    names += page.locator(".products .name").all_inner_texts()
    driver.press(".products a[href='/products/aceite-virgen-extra']", "product")
    driver.press(f"form[action='/cart/add'] {SUBMIT}", "cart-one")
    add_to_cart(driver, "guia-abrir-negocio-pt")
    add_to_cart(driver, "curso-contabilidade-basica")
    driver.landed("cart")
    driver.press("a[href='/checkout']", "checkout")
    for selector, value in DETAILS.items():
        driver.fill(selector, value)
    driver.select("main #country", "PT")
    driver.press(f"form[action='/checkout'] {SUBMIT}", "checkout-details")
    driver.press(f"form[action='/checkout/shipping'] {SUBMIT}", "checkout-shipping")
    driver.check("#consent")
    driver.press(f"form[action='/checkout/pay'] {SUBMIT}", "order")
    order_url = page.url
    parts = page.locator(".vendor-order").count()
    href = page.get_attribute("a.download", "href") or ""
    pdf = page.request.get(base + "/downloads/" + href.split("/downloads/", 1)[1]).body()
    context.close()
    return Outcome(order_url, parts, pdf, direction, names)
