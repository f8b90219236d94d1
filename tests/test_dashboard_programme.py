"""The programme's dashboard pages in process: partner staff register a participant with
consent, book them into an event, check them in by typed door code with the attendance
count; the impact page and its CSV never show a figure under 5; other partners' staff and
vendors are refused."""

from __future__ import annotations

import csv
import io
import re

from starlette.applications import Starlette

from engine.plugins.api import encode_id
from engine.testing.client import PASSWORD, Client
from tests.plugins.programme.setup import event, partner, staff
from tests.web_browser import Browser

PEOPLE = "{ programmeParticipants { email consentJourney } }"
CODE = re.compile(r"\b(\d+-[A-Z2-7]{8})\b")


async def _setup(client: Client) -> tuple[int, str, str]:
    lepe = await partner(client)
    adviser = await staff(client, lepe, "adviser@lepe.example")
    await client.register("amina@example.com")
    event_id = await event(client, adviser, lepe, capacity=5,
                           questions=[{"key": "lang", "label": "Idioma", "required": True}])
    return lepe, adviser, event_id


async def test_staff_register_with_consent_book_and_check_in_by_typed_code(
        app: Starlette, client: Client) -> None:
    lepe, adviser, event_id = await _setup(client)
    partner_id = encode_id("Partner", lepe)
    async with Browser(app) as browser:
        await browser.login("adviser@lepe.example", PASSWORD)
        form = {"partnerId": partner_id, "email": "amina@example.com", "language": "AR"}
        refused = await browser.post("/dashboard/programme/participants", form)
        assert refused.status_code == 400 and "agree" in refused.text
        assert (await client.gql(PEOPLE, token=adviser))["programmeParticipants"] == []
        done = await browser.post("/dashboard/programme/participants",
                                  {**form, "consent": "yes"})
        assert done.status_code == 303
        listing = await browser.get("/dashboard/programme/participants")
        assert "amina@example.com" in listing.text
        book_url = re.search(r'href="(/dashboard/programme/participants/[^"]+/book)"',
                             listing.text)
        assert book_url
        page = await browser.get(book_url.group(1))
        assert "Feria de emprendimiento" in page.text and "Idioma" in page.text
        missing = await browser.post(book_url.group(1), {"eventId": event_id, "name": "Amina"})
        assert missing.status_code == 400
        booked = await browser.post(book_url.group(1), {"eventId": event_id, "name": "Amina",
                                                        "answer.lang": "árabe"})
        assert booked.status_code == 303
        notice = (await browser.get("/dashboard/programme/participants")).text
        code = CODE.search(notice)
        assert code, notice[:2000]
        doors = await browser.post(f"/dashboard/programme/checkin/events/{event_id}",
                                   {"name": "Puerta principal"})
        assert doors.status_code == 303
        door = doors.headers["location"]
        first = await browser.post(door, {"code": code.group(1).lower(), "nonce": "n-000001",
                                          "direction": "ENTRY"})
        assert "Welcome in." in first.text
        assert re.search(r'data-count="inside">1<', first.text)
        again = await browser.post(door, {"code": code.group(1), "nonce": "n-000002",
                                          "direction": "ENTRY"})
        assert "Already checked in." in again.text
        bogus = await browser.post(door, {"code": "1-AAAAAAAA", "nonce": "n-000003",
                                          "direction": "ENTRY"})
        assert "not a valid ticket" in bogus.text
        status = await browser.get(door + "/status.json")
        assert status.json() == {"inside": 1, "checkedIn": 1}


async def test_only_the_door_page_may_open_the_camera_for_its_scan_script(
        app: Starlette, client: Client) -> None:
    _, adviser, event_id = await _setup(client)
    made = await client.gql("""mutation($e: ID!) { checkinListCreate(eventId: $e,
      name: "Door", allowExit: false) { checkinList { id } } }""", {"e": event_id}, adviser)
    door = f"/dashboard/programme/checkin/{made['checkinListCreate']['checkinList']['id']}"
    async with Browser(app) as browser:
        await browser.login("adviser@lepe.example", PASSWORD)
        page = await browser.get(door)
        assert page.status_code == 200
        assert '<script src="/dashboard/static/checkin_scan.js" defer></script>' in page.text
        assert "data-scan-start hidden" in page.text  # shown only by the script
        assert page.headers["permissions-policy"] == \
            "camera=(self), microphone=(), geolocation=()"
        policy = page.headers["content-security-policy"]
        assert "script-src 'self';" in policy and "unsafe-inline" not in policy
        assert "<script>" not in page.text  # no inline script
        script = await browser.get("/dashboard/static/checkin_scan.js")
        assert script.status_code == 200 and "BarcodeDetector" in script.text
        assert "getUserMedia" in script.text and "requestSubmit" in script.text
        for other in ("/dashboard/programme/checkin", "/dashboard/programme/participants",
                      f"/dashboard/programme/checkin/events/{event_id}"):
            shown = await browser.get(other)
            assert shown.status_code == 200, other
            assert "camera=()" in shown.headers["permissions-policy"], other
    front = await client.http.get("/")
    assert "camera=()" in front.headers["permissions-policy"]


async def test_other_partners_staff_and_vendors_are_refused(
        app: Starlette, client: Client) -> None:
    _, adviser, event_id = await _setup(client)
    faro = await partner(client, "Câmara de Faro", "PT", "Algarve")
    await staff(client, faro, "adviser@faro.example")
    await client.vendor("shop@example.com", "Tienda")
    made = await client.gql("""mutation($e: ID!) { checkinListCreate(eventId: $e,
      name: "Door", allowExit: false) { checkinList { id } } }""", {"e": event_id}, adviser)
    door = made["checkinListCreate"]["checkinList"]["id"]
    async with Browser(app) as browser:
        await browser.login("adviser@faro.example", PASSWORD)
        page = await browser.get("/dashboard/programme/participants")
        assert page.status_code == 200 and "amina" not in page.text
        assert (await browser.get(f"/dashboard/programme/checkin/{door}")).status_code == 404
        assert (await browser.get(f"/dashboard/programme/checkin/{door}/status.json")
                ).status_code == 404
        events = await browser.get("/dashboard/programme/checkin")
        assert "Feria de emprendimiento" not in events.text
    async with Browser(app) as browser:
        await browser.login("shop@example.com", PASSWORD)
        for path in ("/dashboard/programme/participants", "/dashboard/programme/impact",
                     "/dashboard/programme/impact.csv"):
            assert (await browser.get(path)).status_code == 403, path


async def test_the_impact_page_and_csv_never_show_a_figure_under_5(
        app: Starlette, demo: object, client: Client) -> None:
    await client.operator("ops@example.com")
    async with Browser(app) as browser:
        await browser.login("ops@example.com", PASSWORD)
        page = await browser.get("/dashboard/programme/impact?groupBy=PARTNER")
        assert page.status_code == 200 and "<svg" in page.text
        shown = re.findall(r'data-figure="[a-z_]+">([^<]*)<', page.text)
        assert shown and "&lt;5" in shown
        numbers = [int(v.replace(".", "").replace(",", "")) for v in shown if v != "&lt;5"]
        assert numbers and all(n >= 5 for n in numbers)
        download = await browser.get("/dashboard/programme/impact.csv?groupBy=PARTNER")
        assert download.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(download.text)))
        assert rows[0][0] == "partner" and len(rows) > 1
        cells = [cell for row in rows[1:] for cell in row[1:]]
        assert "<5" in cells
        assert all(cell == "<5" or float(cell) >= 5 for cell in cells)
