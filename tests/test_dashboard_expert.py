"""The expert / mentor pages of the dashboard in process: profile, availability in the
expert's time zone, offerings with policy, sessions, mentorships, notes and funding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from starlette.applications import Starlette

from engine.testing.client import PASSWORD, Client
from tests.plugins.mentoring.test_profiles import make_expert
from tests.web_browser import Browser

DESK = """{ myExpert { expert { id displayName timeZone weeklyPlan { weekday start end } }
  exceptions { date windows { start end } } offerings { title cancelFeePercent }
  upcoming { session { id variantId seats } offeringTitle } } }"""
SLOTS = """query($e: ID!, $f: DateTime!, $t: DateTime!) { expertSlots(expertId: $e, from: $f,
  to: $t, timeZone: "Europe/Madrid", durationMinutes: 60) { startsAt } }"""
REQUEST = """mutation($e: ID!) { mentorshipRequest(expertId: $e, shareProgress: false,
  message: "Necesito ayuda con la exportación") { mentorship { id } errors { code } } }"""
FUNDING = """mutation($i: FundingRequestInput!) { fundingRequestOpen(input: $i) {
  fundingRequest { id } } }"""
PICK = "mutation($id: ID!) { fundingRequestPickUp(id: $id) { fundingRequest { status } } }"
NOTES = "query($m: ID!) { mentorshipNotes(mentorshipId: $m) { body } }"


def next_monday() -> str:
    today = datetime.now(UTC).date()
    return (today + timedelta(days=7 - today.weekday() + 7)).isoformat()


async def test_an_expert_creates_a_profile_and_sets_availability_in_their_own_time_zone(
        app: Starlette, client: Client) -> None:
    token = await client.register("rita@example.com")
    async with Browser(app) as browser:
        await browser.login("rita@example.com", PASSWORD)
        assert (await browser.get("/dashboard/expert/availability")).headers["location"] \
            == "/dashboard/expert"
        form = {"displayName": "Rita", "kind": "MENTOR", "timeZone": "Europe/Lisbon",
                "capacity": "muchos", "languages": ["PT", "ES"], "bio": "Exportação"}
        refused = await browser.post("/dashboard/expert", form)
        assert refused.status_code == 400 and 'id="capacity-error"' in refused.text
        assert (await client.gql(DESK, token=token))["myExpert"] is None
        created = await browser.post("/dashboard/expert", {**form, "capacity": "4"})
        assert created.status_code == 303
        plan = {"start-0": "09:00", "end-0": "12:00", "start-1": "14:00", "end-1": "12:00",
                "exceptions": f"{next_monday()}\n"}
        bad = await browser.post("/dashboard/expert/availability", plan)
        assert bad.status_code == 400 and 'id="start-1-error"' in bad.text
        assert (await client.gql(DESK, token=token))["myExpert"]["expert"]["weeklyPlan"] == []
        typo = await browser.post("/dashboard/expert/availability",
                                  {**plan, "start-1": "", "end-1": "", "exceptions": "soon"})
        assert typo.status_code == 400 and 'id="exceptions-error"' in typo.text
        saved = await browser.post("/dashboard/expert/availability",
                                   {**plan, "start-1": "", "end-1": ""})
        assert saved.status_code == 303
        page = await browser.get("/dashboard/expert/availability")
        assert 'value="09:00"' in page.text and "Europe/Lisbon" in page.text
    desk = (await client.gql(DESK, token=token))["myExpert"]
    assert desk["expert"]["weeklyPlan"] == [{"weekday": 0, "start": "09:00", "end": "12:00"}]
    assert desk["exceptions"] == [{"date": next_monday(), "windows": []}]
    # the Monday after the day off: 09:00-12:00 in Lisbon is 10:00-13:00 in Madrid
    monday = datetime.fromisoformat(next_monday()) + timedelta(days=7)
    slots = await client.gql(SLOTS, {"e": desk["expert"]["id"],
                                      "f": monday.replace(tzinfo=UTC).isoformat(),
                                      "t": (monday + timedelta(days=1)).replace(
                                          tzinfo=UTC).isoformat()})
    assert [s["startsAt"][11:16] for s in slots["expertSlots"]] == ["10:00", "11:00", "12:00"]


async def test_offerings_with_a_policy_and_a_paid_session_made_bookable_from_the_page(
        app: Starlette, client: Client) -> None:
    staff, vendor = await client.vendor("firm@example.com", "Asesoria SL")
    done = await client.gql("""mutation($i: ExpertInput!) { expertCreate(input: $i) {
      errors { code } } }""", {"i": {"kind": "LEGAL", "displayName": "Asesora",
                                     "timeZone": "Europe/Madrid", "vendorId": vendor}}, staff)
    assert done["expertCreate"]["errors"] == []
    product = (await client.gql(
        "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id } } }",
        {"i": {"name": "Consulta legal", "kind": "SERVICE", "isPublished": True}}, staff)
               )["productCreate"]["product"]["id"]
    async with Browser(app) as browser:
        await browser.login("firm@example.com", PASSWORD)
        expert_id = (await client.gql(DESK, token=staff))["myExpert"]["expert"]["id"]
        offer = {"expertId": expert_id, "title": "Consulta", "durationMinutes": "60",
                 "price": "40,00", "seats": "1", "freeCancelHours": "24",
                 "cancelFeePercent": "150"}
        bad = await browser.post("/dashboard/expert/offerings", offer)
        assert bad.status_code == 400 and 'id="cancelFeePercent-error"' in bad.text
        added = await browser.post("/dashboard/expert/offerings",
                                   {**offer, "cancelFeePercent": "25"})
        assert added.status_code == 303
        page = await browser.get("/dashboard/expert/offerings")
        assert "Free until 24 h before; then 25 % is kept." in page.text
        offering_id = page.text.split('<option translate="no" value="')[1].split('"')[0]
        start = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%dT10:00")
        session = {"offeringId": offering_id, "productId": product, "startsAt": start,
                   "timeZone": "Europe/Madrid"}
        no_time = await browser.post("/dashboard/expert/sessions", {**session, "startsAt": ""},
                                     form_page="/dashboard/expert/offerings")
        assert no_time.status_code == 400 and 'id="startsAt-error"' in no_time.text
        sold = await browser.post("/dashboard/expert/sessions", session,
                                  form_page="/dashboard/expert/offerings")
        assert sold.status_code == 303
        bookings = await browser.get("/dashboard/expert/bookings")
        assert f"{start.replace('T', ' ')}" in bookings.text and "Paid" in bookings.text
    desk = (await client.gql(DESK, token=staff))["myExpert"]
    assert desk["offerings"] == [{"title": "Consulta", "cancelFeePercent": 25}]
    (entry,) = desk["upcoming"]
    assert entry["session"]["variantId"] is not None
    await make_expert(client, "rival@example.com")
    cancel = f"/dashboard/expert/sessions/{entry['session']['id']}/cancel"
    async with Browser(app) as rival:
        await rival.login("rival@example.com", PASSWORD)
        refused = await rival.post(cancel, {}, form_page="/dashboard/expert/bookings")
        assert refused.status_code == 404
    assert len((await client.gql(DESK, token=staff))["myExpert"]["upcoming"]) == 1
    async with Browser(app) as browser:
        await browser.login("firm@example.com", PASSWORD)
        done = await browser.post(cancel, {}, form_page="/dashboard/expert/bookings")
        assert done.status_code == 303
    assert (await client.gql(DESK, token=staff))["myExpert"]["upcoming"] == []


async def test_mentorship_requests_and_private_notes_are_the_experts_alone(
        app: Starlette, client: Client) -> None:
    _, expert_id = await make_expert(client, "mentor@example.com")
    await make_expert(client, "rival@example.com")
    mentee = await client.register("mentee@example.com")
    mentorship = (await client.gql(REQUEST, {"e": expert_id}, mentee)
                  )["mentorshipRequest"]["mentorship"]["id"]
    notes_url = f"/dashboard/expert/mentorships/{mentorship}/notes"
    async with Browser(app) as rival:
        await rival.login("rival@example.com", PASSWORD)
        listing = await rival.get("/dashboard/expert/mentorships")
        assert "exportación" not in listing.text
        answer = await rival.post(f"/dashboard/expert/mentorships/{mentorship}/respond",
                                  {"answer": "accept"}, form_page="/dashboard/expert")
        assert answer.status_code == 404
        assert (await rival.get(notes_url)).status_code == 404
    async with Browser(app) as mentor:
        await mentor.login("mentor@example.com", PASSWORD)
        listing = await mentor.get("/dashboard/expert/mentorships")
        assert "Necesito ayuda con la exportación" in listing.text
        accepted = await mentor.post(f"/dashboard/expert/mentorships/{mentorship}/respond",
                                     {"answer": "accept"},
                                     form_page="/dashboard/expert/mentorships")
        assert accepted.status_code == 303
        empty = await mentor.post(notes_url, {"body": ""})
        assert empty.status_code == 400 and 'id="body-error"' in empty.text
        added = await mentor.post(notes_url, {"body": "Revisar el plan de ventas"})
        assert added.status_code == 303
        assert "Revisar el plan de ventas" in (await mentor.get(notes_url)).text
    assert (await client.gql(NOTES, {"m": mentorship}, mentee))["mentorshipNotes"] == [
        {"body": "Revisar el plan de ventas"}]


async def test_funding_requests_assigned_to_the_expert_move_from_the_page(
        app: Starlette, client: Client) -> None:
    founder = await client.register("founder@example.com")
    request = (await client.gql(FUNDING, {"i": {
        "project": "Quesería en Aracena", "amountSought": "25000.50", "stage": "PLAN"}},
                                founder))["fundingRequestOpen"]["fundingRequest"]["id"]
    advisor, _ = await make_expert(client, "advisor@example.com", kind="FUNDING")
    await make_expert(client, "idle@example.com", kind="FUNDING")
    await client.gql(PICK, {"id": request}, advisor)
    move = f"/dashboard/expert/funding/{request}/move"
    async with Browser(app) as idle:
        await idle.login("idle@example.com", PASSWORD)
        assert "Quesería" not in (await idle.get("/dashboard/expert/funding")).text
        refused = await idle.post(move, {"status": "GRANTED"}, form_page="/dashboard/expert")
        assert refused.status_code == 404
    async with Browser(app) as browser:
        await browser.login("advisor@example.com", PASSWORD)
        page = await browser.get("/dashboard/expert/funding")
        assert "Quesería en Aracena" in page.text and "In review" in page.text
        skipped = await browser.post(move, {"status": "GRANTED", "note": ""},
                                     form_page="/dashboard/expert/funding")
        assert skipped.status_code == 400
        assert "Please correct the marked fields." in skipped.text
        moved = await browser.post(move, {"status": "SUBMITTED_TO_FUNDER",
                                          "note": "Enviado a la Junta"},
                                   form_page="/dashboard/expert/funding")
        assert moved.status_code == 303
        page = await browser.get("/dashboard/expert/funding")
        assert "Submitted to the funder" in page.text and "Enviado a la Junta" in page.text


async def test_each_expert_page_runs_at_most_two_documents_and_weighs_under_100_kb(
        app: Starlette, client: Client) -> None:
    await make_expert(client, "mentor@example.com")
    pages = ["/dashboard/expert", "/dashboard/expert/availability",
             "/dashboard/expert/offerings", "/dashboard/expert/bookings",
             "/dashboard/expert/mentorships", "/dashboard/expert/funding"]
    async with Browser(app) as browser:
        await browser.login("mentor@example.com", PASSWORD)
        for path in pages:
            assert (await browser.get(path)).status_code == 200, path
        await browser.post("/dashboard/expert/availability", {"start-2": "10:00",
                                                                 "end-2": "09:00"})
    assert {path for path, _c, _s in browser.documents} >= set(pages)
    for path, count, size in browser.documents:
        assert count <= 2 and size < 100_000, (path, count, size)
