"""The storefront shows times in the viewer's time zone: the signed-in account's own
``timeZone``, else the place the visitor chose (Faro is an hour behind Huelva)."""

from __future__ import annotations

import html
import re
from datetime import datetime

from starlette.applications import Starlette

from engine.runtime import Runtime
from tests.test_storefront_learning import graphql, sign_in
from tests.web_browser import Browser

SLOT = re.compile(r'name="startsAt" value="([^"]+)">\s*<button type="submit">([^<]+)</button>')
UPDATE = """mutation($zone: String!) { accountUpdate(input: {timeZone: $zone}) {
  user { timeZone } errors { code } } }"""


async def _expert_with_slots(browser: Browser) -> str:
    found = await browser.get("/advice?search=1&lang=en")
    for path in re.findall(r'href="/advice/expert\?id=([^"&]+)"', found.text):
        page = await browser.get(f"/advice/expert?id={path}&lang=en")
        if SLOT.search(page.text):
            return path
    raise AssertionError("no expert with a free slot")


async def _slots(app: Starlette, expert: str, *, postal: str, email: str | None = None,
                 zone: str | None = None) -> tuple[str, dict[datetime, str]]:
    """The zone line and {slot start: time shown} of an expert's page for a visitor who
    chose ``postal`` (and signed in as ``email`` with ``zone`` as their time zone)."""
    async with Browser(app) as browser:
        country = "PT" if "-" in postal else "ES"
        chosen = await browser.post("/place", {"country": country, "postalCode": postal,
                                               "next": "/"})
        assert chosen.status_code == 303
        if email is not None:
            data = await graphql(browser, UPDATE, {"zone": zone}, email)
            assert data["accountUpdate"] == {"user": {"timeZone": zone}, "errors": []}
            await sign_in(browser, email)
        page = await browser.get(f"/advice/expert?id={expert}&lang=en")
        assert page.status_code == 200
        line = re.search(r"Times are shown in your time zone \(([^)]+)\)", page.text)
        assert line is not None
        # the slot's start is written in the zone too: key by the instant
        return line[1], {datetime.fromisoformat(html.unescape(start)): shown.strip()
                         for start, shown in SLOT.findall(page.text)}


def _hour(shown: str) -> int:
    return int(re.search(r"(\d{1,2}):\d\d", shown)[1])  # type: ignore[index]


async def test_slot_times_follow_the_chosen_place_and_the_accounts_time_zone(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        expert = await _expert_with_slots(browser)
    faro_zone, faro = await _slots(app, expert, postal="8000-283")
    huelva_zone, huelva = await _slots(app, expert, postal="21700")
    assert (faro_zone, huelva_zone) == ("Europe/Lisbon", "Europe/Madrid")
    start = sorted(set(faro) & set(huelva))[0]
    assert (_hour(huelva[start]) - _hour(faro[start])) % 24 == 1  # one slot, an hour apart
    # a signed-in customer whose account says Europe/Lisbon sees Lisbon times even though
    # the place they chose (Huelva) is on Madrid's clock
    own_zone, own = await _slots(app, expert, postal="21700",
                                 email="customer@ruta.example", zone="Europe/Lisbon")
    assert own_zone == "Europe/Lisbon"
    assert own[start] == faro[start] != huelva[start]
