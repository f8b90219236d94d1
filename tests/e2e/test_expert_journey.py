"""Issue 13's journey 2 in the browser: an expert sets weekly availability in Europe/Lisbon
on the dashboard, and a buyer in Europe/Madrid sees the same slots an hour later through
the public API. axe-core checks each page; screenshots at 1280 and 360 px."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from playwright.sync_api import Browser

from tests.e2e.api import Api
from tests.e2e.driver import Audit, Driver, has_no_problems
from tests.e2e.journey import OPERATOR, PASSWORD

CLEAN = {"axe": [], "untranslated": [], "budgets": []}
SLOTS = """query($e: ID!, $f: DateTime!, $t: DateTime!) { expertSlots(expertId: $e, from: $f,
  to: $t, timeZone: "Europe/Madrid", durationMinutes: 60) { startsAt } }"""
EXPERTS = "{ experts(kind: MENTOR) { id displayName timeZone } }"


def next_monday() -> date:
    today = datetime.now(UTC).date()
    return today + timedelta(days=7 - today.weekday() + 7)


def test_an_expert_in_lisbon_sets_availability_and_a_buyer_in_madrid_sees_it_an_hour_later(
        browser: Browser, server: str, api: Api, shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="expert-")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    me = Driver(context.new_page(), server, audit)
    email = "rita.lisboa@example.com"

    me.goto("/dashboard/register?lang=pt", "register")
    me.fill("#email", email)
    me.fill("#password", PASSWORD)
    me.select("#languageCode", "pt")
    me.select("#country", "PT")
    me.press("form[action='/dashboard/register'] button[type=submit]")
    me.press("nav.menu a[href='/dashboard/expert']", "profile-new")
    me.fill("#displayName", "Rita Lisboa")
    me.select("#kind", "MENTOR")
    me.select("#timeZone", "Europe/Lisbon")
    me.check("#language-PT")
    me.fill("#capacity", "3")
    me.fill("#bio", "Exportação e vendas online")
    me.press("form[action='/dashboard/expert'] button[type=submit]", "profile")
    assert me.page.locator(".notice").count() == 1

    me.press("nav.subnav a[href='/dashboard/expert/availability']", "availability")
    assert "Europe/Lisbon" in me.text("main")
    me.fill("#start-0", "09:00")
    me.fill("#end-0", "12:00")
    me.fill("#start-2", "15:00")
    me.fill("#end-2", "17:00")
    me.fill("#end-4", "10:00")  # a Friday with an end and no start: refused next to Friday
    me.press("form[action='/dashboard/expert/availability'] button[type=submit]",
             "availability-error")
    assert me.page.locator("#start-4-error").count() == 1
    me.fill("#end-4", "")
    me.press("form[action='/dashboard/expert/availability'] button[type=submit]",
             "availability-saved")
    assert me.page.input_value("#start-0") == "09:00"
    assert me.page.input_value("#start-2") == "15:00"
    me.press("nav.subnav a[href='/dashboard/expert/bookings']", "bookings")
    me.press("nav.subnav a[href='/dashboard/expert/mentorships']", "mentorships")
    me.press("nav.subnav a[href='/dashboard/expert/funding']", "funding")
    me.press("nav.subnav a[href='/dashboard/expert/offerings']", "offerings")
    context.close()

    # An operator verifies the expert (API); a buyer in Madrid finds her and reads her slots.
    operator = api.login(*OPERATOR)
    expert = next(e for e in api.gql(EXPERTS, token=operator)["experts"]
                  if e["displayName"] == "Rita Lisboa")
    assert expert["timeZone"] == "Europe/Lisbon"
    api.gql("mutation($id: ID!) { expertVerify(id: $id, verified: true) { errors { code } } }",
            {"id": expert["id"]}, operator)
    buyer = api.login("customer@ruta.example", "ruta-demo")
    assert any(e["id"] == expert["id"] for e in api.gql(EXPERTS, token=buyer)["experts"])
    monday = datetime.combine(next_monday(), datetime.min.time(), UTC)
    slots = api.gql(SLOTS, {"e": expert["id"], "f": monday.isoformat(),
                            "t": (monday + timedelta(days=7)).isoformat()}, buyer)
    seen = [(datetime.fromisoformat(s["startsAt"]).weekday(), s["startsAt"][11:16],
             s["startsAt"][19:]) for s in slots["expertSlots"]]
    offset = seen[0][2]
    assert offset in ("+01:00", "+02:00")  # Madrid, winter or summer
    assert seen == [(0, "10:00", offset), (0, "11:00", offset), (0, "12:00", offset),
                    (2, "16:00", offset), (2, "17:00", offset)]
    assert has_no_problems(audit) == CLEAN
