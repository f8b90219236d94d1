"""Dashboard times are shown in the signed-in account's own time zone (``User.timeZone``)
when it has one, else in its country's: two operators, one in Lisbon and one in Madrid, see
the same order an hour apart, whatever their accounts' countries say."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from starlette.applications import Starlette

from engine.testing.client import PASSWORD, Client
from engine.web.formatting import viewer_time_zone
from tests.shop import COMPLETE, build, ready
from tests.web_browser import Browser

SETTLE = """mutation($i: AccountUpdateInput!) { accountUpdate(input: $i) {
  user { timeZone country } errors { field code message } } }"""
CREATED = "query($id: ID!) { vendorOrder(id: $id) { createdAt } }"


def test_the_accounts_own_zone_wins_over_its_country() -> None:
    assert viewer_time_zone("Europe/Lisbon", None, "ES") == "Europe/Lisbon"
    assert viewer_time_zone("Atlantic/Azores", None, "PT") == "Atlantic/Azores"
    assert viewer_time_zone(None, None, "PT") == "Europe/Lisbon"
    assert viewer_time_zone("Not/AZone", None, "PT") == "Europe/Lisbon"  # never fails a page


async def test_a_lisbon_and_a_madrid_operator_see_the_same_order_an_hour_apart(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    order = (await client.gql(COMPLETE, {"id": await ready(client, shop, {"wine": 1})})
             )["checkoutComplete"]["order"]
    part = order["vendorOrders"][0]["id"]
    # each account's country says the other zone: only its own time zone can explain the page
    for email, zone, country in (("lisboa@example.com", "Europe/Lisbon", "ES"),
                                 ("madrid@example.com", "Europe/Madrid", "PT")):
        token = await client.operator(email)
        saved = (await client.gql(SETTLE, {"i": {"timeZone": zone, "country": country}},
                                  token))["accountUpdate"]
        assert saved["errors"] == [] and saved["user"]["timeZone"] == zone, saved
    created = datetime.fromisoformat((await client.gql(
        CREATED, {"id": part}, await client.login("lisboa@example.com")))["vendorOrder"][
        "createdAt"])
    shown = {}
    for email, zone in (("lisboa@example.com", "Europe/Lisbon"),
                        ("madrid@example.com", "Europe/Madrid")):
        async with Browser(app) as browser:
            await browser.login(email, PASSWORD)
            page = (await browser.get(f"/dashboard/operator/orders/{part}?lang=en")).text
        line = re.search(r'<p class="muted">([^<]+) ·', page)
        assert line is not None, page[:2000]
        shown[zone] = line.group(1)
        assert created.astimezone(ZoneInfo(zone)).strftime("%H:%M") in shown[zone], shown
    lisbon = datetime.strptime(shown["Europe/Lisbon"].strip(), "%d/%m/%Y, %H:%M")
    madrid = datetime.strptime(shown["Europe/Madrid"].strip(), "%d/%m/%Y, %H:%M")
    assert (madrid - lisbon).total_seconds() == 3600
