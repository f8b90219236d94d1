"""The door page's camera scan (``checkin_scan.js``) on a phone-sized page, in Debian's
chromium with a fake camera. Chromium on Linux has no ``BarcodeDetector``, so the test
gives the page one that "sees" a real ticket's QR secret in the camera's video: the script
must show its button, open the camera, hand the video to the detector and send the
ticket form, which checks the person in. Without a detector the button never shows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.e2e.api import Api
from tests.e2e.conftest import ARGS, CHROMIUM
from tests.e2e.driver import Audit, Driver
from tests.e2e.programme_api import STAFF, door_status, new_person

FAIR = "Feria transfronteriza de emprendimiento"
PHONE = {"width": 360, "height": 740}
FAKE_CAMERA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]

#: A BarcodeDetector that finds nothing in the first frame, then the given QR secret; it
#: records (in sessionStorage, which outlives the form's navigation) what it was asked for
#: and whether it was handed the playing camera video.
DETECTOR = """window.BarcodeDetector = class {
  constructor(options) { sessionStorage.formats = JSON.stringify(options.formats); }
  static getSupportedFormats() { return Promise.resolve(["qr_code"]); }
  detect(source) {
    var seen = JSON.parse(sessionStorage.scanned || "[]");
    seen.push(source instanceof HTMLVideoElement && !!source.srcObject && !source.paused);
    sessionStorage.scanned = JSON.stringify(seen);
    return Promise.resolve(seen.length < 2 ? [] : [{ rawValue: %s }]);
  }
};"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """This module's chromium has a fake camera that opens without asking."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=[*ARGS, *FAKE_CAMERA])
        yield launched
        launched.close()


def _ticket(api: Api) -> tuple[str, str]:
    """A new person's ticket secret for the fair, and the fair's first door's id."""
    person = new_person(api, "scan@example.com", "ES")
    events = api.gql("{ programmeEvents { id title } }")["programmeEvents"]
    fair = next(e["id"] for e in events if e["title"] == FAIR)
    booked = api.gql("""mutation($i: EventRegisterInput!) { programmeEventRegister(input: $i) {
      registration { status ticket { secret } } errors { code } } }""",
                     {"i": {"eventId": fair, "name": "Samira", "email": "scan@example.com",
                            "answers": {"language": "árabe"}}}, person)
    registration = booked["programmeEventRegister"]["registration"]
    assert registration["status"] == "CONFIRMED", booked
    lists = api.gql("query($e: ID!) { programmeCheckinLists(eventId: $e) { id } }",
                    {"e": fair}, api.login(*STAFF))["programmeCheckinLists"]
    return registration["ticket"]["secret"], lists[0]["id"]


def _door(browser: Browser, server: str, shots: Path, list_id: str,
          secret: str | None) -> Driver:
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    if secret is not None:
        phone.grant_permissions(["camera"], origin=server)
        phone.add_init_script(DETECTOR % json.dumps(secret))
    door = Driver(phone.new_page(), server, Audit(shots=shots, prefix="programme-scan-"))
    door.goto("/dashboard/login?lang=es")
    door.fill("#email", STAFF[0])
    door.fill("#password", STAFF[1])
    door.press("form[action^='/dashboard/login'] button[type=submit]")
    door.goto(f"/dashboard/programme/checkin/{list_id}?lang=es", "scan-door")
    return door


def test_a_scanned_qr_code_checks_the_ticket_in(browser: Browser, server: str, api: Api,
                                                shots: Path) -> None:
    secret, list_id = _ticket(api)
    staff = api.login(*STAFF)
    before = door_status(api, staff, FAIR)

    plain = _door(browser, server, shots, list_id, None)
    assert not plain.page.locator("[data-scan-start]").is_visible()  # typed form only
    assert plain.page.locator("#code").is_visible()
    plain.page.context.close()

    door = _door(browser, server, shots, list_id, secret)
    scan = door.page.locator("[data-scan-start]")
    assert scan.is_visible() and scan.inner_text() == "Escanear el código QR con la cámara"
    with door.page.expect_navigation():
        scan.click()
    # the detector looked for QR codes in the playing camera video, twice (nothing, then
    # the ticket), and the form was sent with the code it found
    assert door.page.evaluate("sessionStorage.formats") == '["qr_code"]'
    assert door.page.evaluate("sessionStorage.scanned") == "[true,true]"
    assert door.text(".notice") == "Entrada registrada: ¡adelante!"
    assert door_status(api, staff, FAIR) == {"inside": before["inside"] + 1,
                                             "checkedIn": before["checkedIn"] + 1}
    door.page.context.close()
