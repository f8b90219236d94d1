"""The dashboard's sections on a phone (360 px): one "Menu" disclosure beside the name (no
script), opened and followed with the keyboard alone; on a laptop every section shows
without opening anything."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from tests.e2e.driver import Audit, Driver, has_no_problems

VENDOR = ("vendor.es@ruta.example", "ruta-demo")
PHONE = {"width": 360, "height": 740}
ORDERS = "nav.menu a[href='/dashboard/orders']"
CLEAN = {"axe": [], "untranslated": [], "budgets": []}


def header_height(me: Driver) -> float:
    return float(me.page.evaluate(
        "() => document.querySelector('header.top').getBoundingClientRect().height"))


def test_the_phone_menu_is_one_line_and_opens_with_the_keyboard(
        browser: Browser, server: str, shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="phone-menu-es-")
    phone = browser.new_context(viewport=PHONE)
    me = Driver(phone.new_page(), server, audit, keyboard=True)
    me.goto("/dashboard/login?lang=es")
    me.fill("#email", VENDOR[0])
    me.fill("#password", VENDOR[1])
    me.press("form[action^='/dashboard/login'] button[type=submit]", "home")
    me.page.set_viewport_size(PHONE)  # the audit's screenshots leave it at 1280 px
    assert header_height(me) <= 140  # it was about 250 px with every section listed
    assert not me.page.is_visible(ORDERS)
    me._tab_to("nav.menu summary")
    me.page.keyboard.press("Enter")
    assert me.page.is_visible(ORDERS)
    me.press(ORDERS, "orders")
    assert me.page.url.endswith("/dashboard/orders")
    me.page.set_viewport_size(PHONE)
    assert me.page.evaluate("() => document.documentElement.scrollWidth") <= 360
    phone.close()

    laptop = browser.new_context(viewport={"width": 1280, "height": 900})
    wide = Driver(laptop.new_page(), server, audit)
    wide.goto("/dashboard/login?lang=es")
    wide.fill("#email", VENDOR[0])
    wide.fill("#password", VENDOR[1])
    wide.press("form[action^='/dashboard/login'] button[type=submit]")
    assert wide.page.is_visible(ORDERS) and not wide.page.is_visible("nav.menu summary")
    laptop.close()
    assert has_no_problems(audit) == CLEAN
