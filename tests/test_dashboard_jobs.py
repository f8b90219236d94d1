"""The jobs dashboard pages in process: an employer drafts, publishes and closes offers and
moves applications to a hire; partner staff edit the profile of a person who consented and
apply for them; another employer sees none of it."""

from __future__ import annotations

import re

from starlette.applications import Starlette

from engine.testing.client import PASSWORD, Client
from tests.plugins.jobs.scenario import later, user_id
from tests.web_browser import Browser

GRANT = """mutation($s: ID!) { profileConsentGrant(staffUserId: $s) { consent { id } } }"""
MINE = "{ myJobApplications { status language message history { toStatus } } }"
HIRED = """{ jobsHired(from: "2000-01-01T00:00:00+00:00", to: "2100-01-01T00:00:00+00:00")
  { count } }"""
OFFER_FORM = {"title": "Camarera de piso", "description": "Hotel en Huelva", "country": "ES",
              "postalCode": "21001", "contractType": "PERMANENT", "hoursPerWeek": "40",
              "salaryMin": "18000", "salaryMax": "21000", "languages": "ES, PT",
              "closesOn": later(), "positions": "1"}


def _first(pattern: str, text: str) -> str:
    found = re.search(pattern, text)
    assert found, text[:3000]
    return found.group(1)


async def test_employer_publishes_and_hires_and_partner_staff_apply_for_a_person(
        app: Starlette, client: Client) -> None:
    await client.vendor("rh@hotel.example", "Hotel Huelva")
    await client.vendor("other@shop.example", "Otra")
    joana = await client.register("joana@example.com")
    adviser = await client.register("adviser@faro.example")
    joana_id = await user_id(client, joana)
    async with Browser(app) as employer:
        await employer.login("rh@hotel.example", PASSWORD)
        bad = await employer.post("/dashboard/jobs/offers", {**OFFER_FORM, "salaryMin": "30000"})
        assert bad.status_code == 400  # min above max: a typed error, nothing saved
        made = await employer.post("/dashboard/jobs/offers", OFFER_FORM)
        assert made.status_code == 303
        page = (await employer.get("/dashboard/jobs/offers")).text
        offer_id = _first(r'/dashboard/jobs/offers/([^/"]+)/status', page)
        await employer.post(f"/dashboard/jobs/offers/{offer_id}/status",
                            {"status": "PUBLISHED"}, form_page="/dashboard/jobs/offers")
        assert 'data-status="PUBLISHED"' in (await employer.get("/dashboard/jobs/offers")).text
    async with Browser(app) as staff:
        await staff.login("adviser@faro.example", PASSWORD)
        before = await staff.get(f"/dashboard/jobs/assisted/{joana_id}")
        assert before.status_code == 403
        await client.gql(GRANT, {"s": await user_id(client, adviser)}, joana)
        assert "joana@example.com" in (await staff.get("/dashboard/jobs/assisted")).text
        saved = await staff.post(f"/dashboard/jobs/assisted/{joana_id}", {
            "displayName": "Joana", "languages": "PT NATIVE, ES B1",
            "skills": "", "experience": "Hotelaria, 3 anos", "postalCode": "8000-283",
            "availability": "IMMEDIATE", "workPermit": "YES"})
        assert saved.status_code == 303
        profile = (await staff.get(f"/dashboard/jobs/assisted/{joana_id}")).text
        assert "PT NATIVE, ES B1" in profile and "Camarera de piso" in profile
        applied = await staff.post(f"/dashboard/jobs/assisted/{joana_id}/apply/{offer_id}",
                                   {"language": "PT", "message": "Olá, sou a Joana."},
                                   form_page=f"/dashboard/jobs/assisted/{joana_id}")
        assert applied.status_code == 303
    assert (await client.gql(MINE, token=joana))["myJobApplications"][0]["language"] == "PT"
    async with Browser(app) as other:
        await other.login("other@shop.example", PASSWORD)
        assert (await other.get(f"/dashboard/jobs/offers/{offer_id}/applications")
                ).status_code == 404
    async with Browser(app) as employer:
        await employer.login("rh@hotel.example", PASSWORD)
        path = f"/dashboard/jobs/offers/{offer_id}/applications"
        page = (await employer.get(path)).text
        assert "Joana" in page and "Olá, sou a Joana." in page
        action = _first(r'action="(/dashboard/jobs/offers/[^"]+/applications/[^"]+/status)"',
                        page)
        for status in ("SHORTLISTED", "OFFERED", "HIRED"):
            moved = await employer.post(action, {"status": status, "message": status.lower()},
                                        form_page=path)
            assert moved.status_code == 303
        assert 'data-status="HIRED"' in (await employer.get(path)).text
    history = (await client.gql(MINE, token=joana))["myJobApplications"][0]["history"]
    assert [h["toStatus"] for h in history] == ["RECEIVED", "SHORTLISTED", "OFFERED", "HIRED"]
    op = await client.operator()
    assert (await client.gql(HIRED, token=op))["jobsHired"]["count"] == 1
