"""Issue 15's browser journey: a partner's staff member registers a participant at an
access point (with consent), books them into the 600-seat fair, and checks them in from
the phone-sized (360 px) door page by typing the ticket's code; the live count goes up."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser

from tests.e2e.api import Api
from tests.e2e.driver import Audit, Driver, has_no_problems
from tests.e2e.programme_api import STAFF, door_status, new_person

FAIR = "Feria transfronteriza de emprendimiento"
CLEAN = {"axe": [], "untranslated": [], "budgets": []}
PHONE = {"width": 360, "height": 740}


def _sign_in(me: Driver) -> None:
    me.goto("/dashboard/login?lang=es")
    me.fill("#email", STAFF[0])
    me.fill("#password", STAFF[1])
    me.press("form[action^='/dashboard/login'] button[type=submit]")


def test_partner_staff_register_book_and_check_in_a_participant_on_a_phone(
        browser: Browser, server: str, api: Api, shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="programme-es-")
    new_person(api, "karim@example.com", "ES")
    staff_token = api.login(*STAFF)
    before = door_status(api, staff_token, FAIR)

    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    me = Driver(desk.new_page(), server, audit)
    _sign_in(me)
    me.goto("/dashboard/programme/participants?lang=es", "participants")
    me.fill("#email", "karim@example.com")
    me.select("#language", "AR")
    me.fill("#originRegion", "Magreb")
    me.check("input[name=consent]")
    me.press("form[action='/dashboard/programme/participants'] button[type=submit]",
             "participant-registered")
    assert "karim@example.com" in me.notice()
    row = me.page.locator("tr", has_text="karim@example.com")
    with me.page.expect_navigation():
        row.locator("a").click()
    me.landed("book")
    fair = me.page.locator("section.card", has_text=FAIR)
    fair.locator("input[name=name]").fill("Karim")
    fair.locator("input[name='answer.language']").fill("árabe")
    with me.page.expect_navigation():
        fair.locator("button[type=submit]").click()
    me.landed("booked")
    found = re.search(r"(\d+-[A-Z2-7]{8})", me.notice())
    assert found, me.notice()
    code = found.group(1)
    desk.close()

    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    door = Driver(phone.new_page(), server, audit)
    _sign_in(door)
    door.goto("/dashboard/programme/checkin?lang=es", "checkin-events")
    door.page.set_viewport_size(PHONE)
    door.press(f"a:has-text('{FAIR}')", "checkin-doors")
    door.page.set_viewport_size(PHONE)
    door.press("a.button.primary", "door")
    door.page.set_viewport_size(PHONE)
    width = door.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the door page scrolls sideways on a phone ({width} px)"
    door.fill("#code", code)
    door.press("form[action^='/dashboard/programme/checkin/'] button[type=submit]",
               "door-checked-in")
    assert door.text(".notice") == "Entrada registrada: ¡adelante!"
    inside = int(door.text("[data-count=inside]"))
    assert inside == before["inside"] + 1
    after = door_status(api, staff_token, FAIR)
    assert after == {"inside": before["inside"] + 1, "checkedIn": before["checkedIn"] + 1}
    door.page.set_viewport_size(PHONE)
    door.fill("#code", code)
    door.press("form[action^='/dashboard/programme/checkin/'] button[type=submit]",
               "door-again")
    assert door.text(".alert") == "Ya ha entrado."
    assert door_status(api, staff_token, FAIR) == after
    phone.close()
    assert has_no_problems(audit) == CLEAN
