"""Issue 19's browser journey: a participant helped by partner staff at an access point
gets a candidate profile and applies to an offer in Portuguese (the staff member, in the
Portuguese dashboard, with the person's consent); the employer shortlists, offers and
hires in the dashboard; the hire shows in the impact page (the fifth hire of the
partner's participants: "<5" before, 5 after)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from tests.e2e.api import Api
from tests.e2e.driver import Audit, Driver, has_no_problems
from tests.e2e.journey import OPERATOR
from tests.e2e.programme_api import STAFF, hired_participant, me, new_person

CLEAN = {"axe": [], "untranslated": [], "budgets": []}
EMPLOYER = ("vendor.es@ruta.example", "ruta-demo")
TITLE = "Camarera de piso"


def _sign_in(driver: Driver, who: tuple[str, str], lang: str) -> None:
    driver.goto(f"/dashboard/login?lang={lang}")
    driver.fill("#email", who[0])
    driver.fill("#password", who[1])
    driver.press("form[action^='/dashboard/login'] button[type=submit]")


def _hires_shown(driver: Driver, name: str) -> str:
    driver.goto("/dashboard/programme/impact?lang=es", name)
    return driver.text("td[data-figure=hires_reported]")


def test_assisted_participant_applies_in_portuguese_and_is_hired(
        browser: Browser, server: str, api: Api, shots: Path) -> None:
    audit = Audit(shots=shots, axe=True, prefix="jobs-")
    staff = api.login(*STAFF)
    employer_token = api.login(*EMPLOYER)

    # The employer posts and publishes an offer in the dashboard.
    employer = Driver(browser.new_context(viewport={"width": 1280, "height": 900}).new_page(),
                      server, audit)
    _sign_in(employer, EMPLOYER, "es")
    employer.goto("/dashboard/jobs/offers?lang=es", "es-offers")
    employer.fill("#title", TITLE)
    employer.fill("#description", "Hotel en Huelva, jornada completa.")
    employer.fill("#postalCode", "21001")
    employer.fill("#salaryMin", "18000")
    employer.fill("#salaryMax", "21000")
    employer.fill("#languages", "ES, PT")
    employer.fill("#positions", "10")
    employer.press("form[action='/dashboard/jobs/offers'] button[type=submit]",
                   "es-offer-drafted")
    row = employer.page.locator("tr", has_text=TITLE)
    with employer.page.expect_navigation():
        row.locator("button[type=submit]", has_text="Publicar").click()
    employer.landed("es-offer-published")
    status = row.locator("[data-status]")
    assert status.get_attribute("data-status") == "PUBLISHED"
    assert status.inner_text().strip() == "Abierta a candidaturas"  # a word, not the code
    offer_id = api.gql("{ myJobOffers { id title } }", token=employer_token)["myJobOffers"]
    offer_id = next(o["id"] for o in offer_id if o["title"] == TITLE)

    # Four participants were already hired: the jobs demo's hire (Taller Raya's owner, a
    # programme participant through the association) and three of the partner's (set-up
    # over the API).
    for n in range(3):
        hired_participant(api, staff, employer_token, offer_id, f"hired-{n}@example.com")
    operator = Driver(browser.new_context(viewport={"width": 1280, "height": 900}).new_page(),
                      server, audit)
    _sign_in(operator, OPERATOR, "es")
    assert _hires_shown(operator, "es-impact-before") == "<5"

    # Joana, helped at the access point: her account, her consent to the adviser.
    joana = new_person(api, "joana@example.com", "PT")
    api.gql("mutation($s: ID!) { profileConsentGrant(staffUserId: $s) { errors { code } } }",
            {"s": me(api, staff)}, joana)
    partner = api.gql("{ myProgrammePartner { id } }", token=staff)["myProgrammePartner"]["id"]
    api.gql("""mutation($i: ParticipantRegisterInput!) { participantRegister(input: $i) {
      errors { code } } }""", {"i": {"partnerId": partner, "email": "joana@example.com",
                                     "language": "PT", "consentJourney": True}}, staff)

    adviser = Driver(browser.new_context(viewport={"width": 1280, "height": 900}).new_page(),
                     server, audit)
    _sign_in(adviser, STAFF, "pt")
    adviser.goto("/dashboard/jobs/assisted?lang=pt", "pt-assisted")
    adviser.press("a:has-text('joana@example.com')", "pt-profile-new")
    adviser.fill("#displayName", "Joana Silva")
    adviser.fill("#languages", "PT NATIVE, ES B1")
    adviser.fill("#experience", "Três anos de hotelaria em Faro.")
    adviser.fill("#postalCode", "8000-283")
    adviser.select("#workPermit", "YES")
    adviser.press("form[action^='/dashboard/jobs/assisted/'] button[type=submit]",
                  "pt-profile-saved")
    offer = adviser.page.locator("form.offer", has_text=TITLE)
    offer.locator("select[name=language]").select_option("PT")
    offer.locator("textarea[name=message]").fill("Olá! Tenho experiência em hotelaria.")
    with adviser.page.expect_navigation():
        offer.locator("button[type=submit]").click()
    adviser.landed("pt-applied")
    mine = api.gql("{ myJobApplications { status language message } }", token=joana)
    assert mine["myJobApplications"] == [{"status": "RECEIVED", "language": "PT",
                                          "message": "Olá! Tenho experiência em hotelaria."}]

    # The employer shortlists, offers and hires Joana in the dashboard.
    with employer.page.expect_navigation():
        row.locator("a", has_text=TITLE).click()
    employer.landed("es-applications")
    card = employer.page.locator("section.application", has_text="Joana Silva")
    for button in ("Preseleccionar", "Ofrecer el puesto", "Contratar"):
        card.locator("textarea[name=message]").fill(f"{button}: gracias, Joana.")
        with employer.page.expect_navigation():
            card.locator("button", has_text=button).click()
        employer.landed(f"es-{button.split()[0].lower()}")
    assert card.get_attribute("data-status") == "HIRED"
    history = api.gql("{ myJobApplications { status history { toStatus } } }", token=joana)
    assert [h["toStatus"] for h in history["myJobApplications"][0]["history"]] == [
        "RECEIVED", "SHORTLISTED", "OFFERED", "HIRED"]

    # The hire shows in the impact page: the partner's fifth hired participant.
    assert _hires_shown(operator, "es-impact-after") == "5"
    assert has_no_problems(audit) == CLEAN
