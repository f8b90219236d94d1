"""The storefront's jobs pages in process: the public listing (accent-insensitive search,
filters, closed offers and offers past their closing date never shown), the offer page with
its pay range and JobPosting JSON-LD, a participant's profile, application (which the
employer then sees), withdrawal and announcements toggle, and what anonymous visitors and
other participants cannot see or do."""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

from sqlalchemy import update
from starlette.applications import Starlette

from engine.plugins.api import decode_id
from engine.testing.client import PASSWORD, Client
from plugins.jobs.models import JobOffer
from tests.plugins.jobs.scenario import STATUS, offer, skills
from tests.web_browser import Browser

OPT_IN = "{ myAnnouncementOptIn { subscribed language } }"
RECEIVED = """query($o: ID!) { jobOfferApplications(offerId: $o) { id status message
  candidate { displayName workPermit languages { code level } } } }"""


async def sign_in(browser: Browser, email: str) -> None:
    done = await browser.post("/account/login", {"email": email, "password": PASSWORD})
    assert done.status_code == 303, done.text[:500]


def offer_ids(page: str) -> list[str]:
    return re.findall(r'data-offer="([^"]+)"', page)


def posting(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/ld\+json">(.+?)</script>', page, re.S)
    assert found, page[:2000]
    data: dict[str, Any] = json.loads(found[1])
    return data


async def employer_with_offers(client: Client) -> tuple[str, str, str, str, str]:
    """(vendor token, café offer, closed offer, remote offer, offer past its closing date)
    of an approved vendor in Huelva."""
    op = await client.operator()
    await skills(client, op, "cooking", "marketing")
    token, _ = await client.vendor("rh@cafe.example", "Café del Puerto")
    cafe = await offer(client, token, title="Camarera de cafetería", skills=["cooking"],
                       languages=["ES", "PT"], description={
                           "es": "Turno de mañana en el puerto.",
                           "en": "Morning shift at the harbour."})
    closed = await offer(client, token, title="Barista de cafetería")
    done = await client.gql(STATUS, {"id": closed, "s": "CLOSED"}, token)
    assert done["jobOfferSetStatus"]["errors"] == [], done
    remote = await offer(client, token, title="Marketing en remoto", postalCode=None,
                         remote=True, country="FR", salaryMin=None, salaryMax=None,
                         contractType="FREELANCE", skills=["marketing"], languages=["EN"])
    past = await offer(client, token, title="Cocinero de cafetería")
    async with client.runtime.db.write() as session:
        await session.execute(update(JobOffer).where(JobOffer.id == decode_id(past, "JobOffer"))
                              .values(closes_on=date.today() - timedelta(days=1)))
    return token, cafe, closed, remote, past


async def test_the_listing_ignores_accents_filters_and_never_shows_a_closed_offer(
        app: Starlette, client: Client) -> None:
    _, cafe, closed, remote, past = await employer_with_offers(client)
    async with Browser(app) as browser:
        everything = await browser.get("/jobs?lang=es")
        assert everything.status_code == 200
        assert set(offer_ids(everything.text)) == {cafe, remote}
        assert "2 ofertas de empleo" in everything.text
        for search in ("CAFETERIA", "cafetería", "Cafeteria"):
            found = await browser.get(f"/jobs?q={search}&lang=es")
            assert offer_ids(found.text) == [cafe], search  # never the closed or past ones
        assert offer_ids((await browser.get("/jobs?contract=FREELANCE")).text) == [remote]
        assert offer_ids((await browser.get("/jobs?skill=cooking")).text) == [cafe]
        assert offer_ids((await browser.get("/jobs?language=PT")).text) == [cafe]
        near = (await browser.get("/jobs?near=21004")).text
        assert set(offer_ids(near)) == {cafe, remote}  # same province, and remote
        assert offer_ids((await browser.get("/jobs?near=08001")).text) == [remote]
        nothing = await browser.get("/jobs?q=fontanero&lang=en")
        assert offer_ids(nothing.text) == [] and "No job offer matches" in nothing.text
        assert (await browser.get(f"/jobs/{closed}")).status_code == 404
        assert (await browser.get(f"/jobs/{past}")).status_code == 404
        page = await browser.get(f"/jobs/{cafe}?lang=es")
        far = await browser.get(f"/jobs/{remote}?lang=en")
        sitemap = (await browser.get("/sitemap.xml")).text
        assert all(count <= 2 for path, count, _ in browser.documents), browser.documents
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "Camarera de cafetería" in text and "Café del Puerto" in text
    assert "18.000,00\u00a0€ a 21.000,00\u00a0€ brutos al año" in text, text[:3000]
    assert 'hreflang="ar"' in page.text
    ld = posting(page.text)
    assert ld["@type"] == "JobPosting" and ld["title"] == "Camarera de cafetería"
    # the page's language, not the API's default for an anonymous visitor (English)
    assert ld["description"] == "Turno de mañana en el puerto." and \
        "Turno de mañana en el puerto." in text and "Morning shift" not in text
    assert ld["hiringOrganization"]["name"] == "Café del Puerto"
    assert ld["datePosted"] == date.today().isoformat()
    assert ld["validThrough"] == (date.today() + timedelta(days=30)).isoformat()
    assert ld["baseSalary"]["currency"] == "EUR"
    assert ld["baseSalary"]["value"]["minValue"] == 18000
    assert ld["baseSalary"]["value"]["maxValue"] == 21000
    assert ld["jobLocation"]["address"]["postalCode"] == "21001"
    assert "jobLocationType" not in ld
    remote_ld = posting(far.text)
    assert remote_ld["jobLocationType"] == "TELECOMMUTE" and "jobLocation" not in remote_ld
    assert "baseSalary" not in remote_ld and "Pay not stated" in far.text
    assert f"<loc>http://testserver/jobs/{cafe}</loc>" in sitemap
    assert f"<loc>http://testserver/jobs/{past}</loc>" not in sitemap
    assert f'hreflang="pt" href="http://testserver/jobs/{remote}?lang=pt"' in sitemap


async def test_a_participant_makes_a_profile_applies_follows_and_withdraws(
        app: Starlette, client: Client) -> None:
    employer, cafe, _, _, _ = await employer_with_offers(client)
    joana = await client.register("joana@example.com")
    await client.register("other@example.com")
    async with Browser(app) as anonymous:
        guarded = await anonymous.get("/jobs/profile")
        assert guarded.status_code == 303
        assert guarded.headers["location"] == "/account/login?next=/jobs/profile"
        assert (await anonymous.get("/jobs/applications")).status_code == 303
        offer_page = await anonymous.get(f"/jobs/{cafe}?lang=en")
        assert "Sign in to apply" in offer_page.text
        sneaky = await anonymous.post(f"/jobs/{cafe}/apply", {"message": "Hi"},
                                      form_page=f"/jobs/{cafe}")
        assert sneaky.status_code == 303
        assert sneaky.headers["location"] == f"/account/login?next={quote(f'/jobs/{cafe}')}"
    assert await client.gql(RECEIVED, {"o": cafe}, employer) == {"jobOfferApplications": []}
    async with Browser(app) as browser:
        await sign_in(browser, "joana@example.com")
        before = await browser.get(f"/jobs/{cafe}?lang=en")
        assert "Create your candidate profile first" in before.text
        bad = await browser.post("/jobs/profile?lang=pt", {"displayName": ""})
        assert bad.status_code == 400
        early = await browser.post(f"/jobs/{cafe}/apply?lang=fr", {"message": "Bonjour"},
                                   form_page=f"/jobs/{cafe}")
        assert early.status_code == 303  # no profile yet: refused in the visitor's language
        assert early.headers["location"] == f"/jobs/{cafe}"
        refusal = await browser.get(f"/jobs/{cafe}?lang=fr")
        assert "Créez d'abord votre profil de candidat." in html.unescape(refusal.text)
        saved = await browser.post("/jobs/profile", {
            "displayName": "Joana", "level-PT": "NATIVE", "level-ES": "B1",
            "skill": "cooking", "experience": "Hotelaria, 3 anos", "postalCode": "21001",
            "availability": "IMMEDIATE", "workPermit": "IN_PROGRESS"})
        assert saved.status_code == 303, saved.text[:2000]
        profile = await browser.get("/jobs/profile?lang=en")
        assert 'value="Joana"' in profile.text and "Hotelaria, 3 anos" in profile.text
        assert '<option value="NATIVE" selected>' in profile.text
        assert 'value="IN_PROGRESS" checked' in profile.text
        # the permit is declared, never uploaded: the one file field is the CV's
        assert profile.text.count('type="file"') == 1 and 'name="cv"' in profile.text
        applied = await browser.post(f"/jobs/{cafe}/apply?lang=pt",
                                     {"message": "Olá, sou a Joana."},
                                     form_page=f"/jobs/{cafe}")
        assert applied.status_code == 303 and applied.headers["location"] == \
            "/jobs/applications"
        again = await browser.post(f"/jobs/{cafe}/apply?lang=es", {"message": "Again"},
                                   form_page="/jobs/profile")
        assert again.status_code == 303  # the API refuses a second application
        refusal = await browser.get(f"/jobs/{cafe}?lang=es")
        assert "Ya has enviado tu candidatura a esta oferta." in html.unescape(refusal.text)
        assert "Te has presentado a esta oferta. Estado: Recibida" in html.unescape(
            refusal.text)
        mine = await browser.get("/jobs/applications?lang=en")
        assert "Camarera de cafetería" in html.unescape(mine.text)
        assert "Olá, sou a Joana." in html.unescape(mine.text)
        assert 'data-status="RECEIVED"' in mine.text and "Received" in mine.text
        found = re.search(r'data-application="([^"]+)"', mine.text)
        assert found, mine.text[:2000]
        application = found[1]
        # announcements: off, on, off again
        assert 'data-subscribed="no"' in profile.text
        await browser.post("/jobs/announcements?lang=pt", {"subscribe": "yes"},
                           form_page="/jobs/profile")
        assert (await client.gql(OPT_IN, token=joana))["myAnnouncementOptIn"] == {
            "subscribed": True, "language": "PT"}
        assert 'data-subscribed="yes"' in (await browser.get("/jobs/profile")).text
        await browser.post("/jobs/announcements?lang=ar", {"subscribe": "yes"},
                           form_page="/jobs/profile")  # announcements come in Arabic now
        assert (await client.gql(OPT_IN, token=joana))["myAnnouncementOptIn"] == {
            "subscribed": True, "language": "AR"}
        await browser.post("/jobs/announcements", {"subscribe": "no"},
                           form_page="/jobs/profile")
        assert not (await client.gql(OPT_IN, token=joana))["myAnnouncementOptIn"][
            "subscribed"]
        assert all(count <= 2 for path, count, _ in browser.documents), browser.documents
    received = (await client.gql(RECEIVED, {"o": cafe}, employer))["jobOfferApplications"]
    assert received == [{"id": application, "status": "RECEIVED",
                         "message": "Olá, sou a Joana.", "candidate": {
                             "displayName": "Joana", "workPermit": "IN_PROGRESS",
                             "languages": [{"code": "ES", "level": "B1"},
                                           {"code": "PT", "level": "NATIVE"}]}}]
    async with Browser(app) as other:
        await sign_in(other, "other@example.com")
        theirs = await other.get("/jobs/applications?lang=en")
        assert application not in theirs.text and "Joana" not in theirs.text
        assert "You have not applied to any offer yet." in theirs.text
        refused = await other.post(f"/jobs/applications/{application}/withdraw?lang=en", {},
                                   form_page="/jobs/applications")
        assert refused.status_code == 303
        shown = await other.get(refused.headers["location"] + "?lang=en")
        assert "This offer or application does not exist." in shown.text
    received = (await client.gql(RECEIVED, {"o": cafe}, employer))["jobOfferApplications"]
    assert [a["status"] for a in received] == ["RECEIVED"]  # the other user changed nothing
    async with Browser(app) as browser:
        await sign_in(browser, "joana@example.com")
        assert 'data-status="RECEIVED"' in (await browser.get("/jobs/applications")).text
        await browser.post(f"/jobs/applications/{application}/withdraw", {},
                           form_page="/jobs/applications")
        after = await browser.get("/jobs/applications?lang=en")
        assert 'data-status="WITHDRAWN"' in after.text and "Withdraw my application" \
            not in after.text
    received = (await client.gql(RECEIVED, {"o": cafe}, employer))["jobOfferApplications"]
    assert [a["status"] for a in received] == ["WITHDRAWN"]
