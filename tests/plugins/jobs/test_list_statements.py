"""No N+1 in the jobs listings: the public offer listing and an offer's applications cost
the same statements for 5 and 50 items, every list field of the item selected."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from engine.accounts.models import User
from engine.plugins.api import encode_id
from engine.vendors.models import Vendor
from plugins.jobs.application_models import Application, ApplicationChange
from plugins.jobs.models import CandidateProfile, JobOffer
from tests.client import Client
from tests.wire import measuring

TEXTS = "es pt en fr ar ro uk"
OFFERS = f"""query($n: Int!) {{ jobOffers(first: $n) {{ totalCount edges {{ node {{ id
  vendorId partnerId title description titles {{ {TEXTS} }} descriptions {{ {TEXTS} }}
  country postalCode remote contractType hoursPerWeek salary {{ min max currency }}
  languages skills startsOn closesOn positions status publishedAt }} }} }} }}"""
APPLICATIONS = f"""query($o: ID!) {{ jobOfferApplications(offerId: $o) {{ id offerId status
  message language createdAt candidate {{ id displayName languages {{ code level }} skills
  experience postalCode availability workPermit shareCredentials hasCv }}
  history {{ fromStatus toStatus message at }} offerTitles {{ {TEXTS} }} }} }}"""


def _offer(vendor_id: int, i: int) -> JobOffer:
    return JobOffer(vendor_id=vendor_id, title={"ES": f"Oferta {i}", "EN": f"Offer {i}"},
                    description={"ES": "Jornada completa.", "EN": "Full time."},
                    country="ES", postal_code="21001", contract_type="PERMANENT",
                    hours_per_week=40, salary_min_cents=1_800_000, salary_max_cents=2_100_000,
                    languages=["ES", "EN"], skills=["cooking", "service"],
                    starts_on=date.today() + timedelta(days=40),
                    closes_on=date.today() + timedelta(days=30), status="PUBLISHED")


async def _employer(client: Client) -> tuple[str, int]:
    token, _ = await client.vendor("jobs@example.com", "Empresa")
    async with client.runtime.db.read() as session:
        vendor_id = await session.scalar(select(Vendor.id).where(Vendor.slug == "empresa"))
    assert vendor_id is not None
    return token, vendor_id


async def test_the_offer_listing_costs_the_same_for_5_and_50_offers(client: Client) -> None:
    _, vendor_id = await _employer(client)
    async with client.runtime.db.write() as session:
        session.add_all(_offer(vendor_id, i) for i in range(50))
    counts = []
    for n in (5, 50):
        async with measuring(client.runtime) as cost:
            data = await client.gql(OFFERS, {"n": n})
        edges = data["jobOffers"]["edges"]
        assert len(edges) == n and data["jobOffers"]["totalCount"] == 50
        node = edges[0]["node"]
        assert node["salary"] == {"min": "18000", "max": "21000", "currency": "EUR"}
        assert node["titles"]["en"].startswith("Offer ") and node["skills"] == [
            "cooking", "service"]
        counts.append(len(cost.statements))
    assert counts[0] == counts[1], counts


async def test_an_offers_applications_cost_the_same_for_5_and_50(client: Client) -> None:
    token, vendor_id = await _employer(client)
    async with client.runtime.db.write() as session:
        offers = [_offer(vendor_id, 0), _offer(vendor_id, 1)]
        session.add_all(offers)
        await session.flush()
        for i in range(55):
            user = User(email=f"candidate{i}@example.com", password_hash="x")
            session.add(user)
            await session.flush()
            profile = CandidateProfile(user_id=user.id, display_name=f"Candidate {i}",
                                       languages=[{"code": "ES", "level": "NATIVE"}],
                                       skills=["cooking"], work_permit="YES")
            session.add(profile)
            await session.flush()
            app = Application(offer_id=offers[0 if i < 5 else 1].id, profile_id=profile.id,
                              vendor_id=vendor_id, language="ES", message="Hola")
            session.add(app)
            await session.flush()
            session.add_all([ApplicationChange(application_id=app.id, to_status="RECEIVED"),
                             ApplicationChange(application_id=app.id, from_status="RECEIVED",
                                               to_status="SHORTLISTED", message="Bien")])
    counts = []
    for offer, n in ((offers[0], 5), (offers[1], 50)):
        async with measuring(client.runtime) as cost:
            data = await client.gql(APPLICATIONS, {"o": encode_id("JobOffer", offer.id)}, token)
        found = data["jobOfferApplications"]
        assert len(found) == n
        assert [h["toStatus"] for h in found[-1]["history"]] == ["RECEIVED", "SHORTLISTED"]
        assert found[-1]["candidate"]["displayName"] == f"Candidate {4 if n == 5 else 54}"
        assert found[0]["offerTitles"]["en"] == f"Offer {0 if n == 5 else 1}"
        counts.append(len(cost.statements))
    assert counts[0] == counts[1], counts
