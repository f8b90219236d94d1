"""Matching explains its score per criterion; the same inputs give the same order; offers
past their closing date are never ranked; an employer ranks only its applicants."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import update

from engine.plugins.api import decode_id
from plugins.jobs.models import JobOffer
from tests.client import Client
from tests.plugins.jobs.scenario import apply, candidate, offer, skills

MATCHES = """query { jobMatches { score offer { title } breakdown { criterion points
  maxPoints detail } } }"""
CANDIDATES = """query($o: ID!) { jobOfferCandidates(offerId: $o) { score profileId } }"""


async def test_the_score_is_explained_and_the_order_is_stable(client: Client) -> None:
    op = await client.operator()
    await skills(client, op, "cooking", "cleaning")
    employer, _ = await client.vendor("hotel@example.com", "Hotel")
    await offer(client, employer, title="Cocinero", skills=["cooking", "cleaning"])
    await offer(client, employer, title="Limpieza", skills=["cleaning"], postalCode="41001")
    await offer(client, employer, title="Gemelo", skills=["cooking", "cleaning"])
    ana = await candidate(client, "ana@example.com", skills_=["cooking"], permit="IN_PROGRESS")
    first = (await client.gql(MATCHES, token=ana))["jobMatches"]
    assert [m["offer"]["title"] for m in first] == ["Cocinero", "Gemelo", "Limpieza"]
    parts = {p["criterion"]: (p["points"], p["maxPoints"]) for p in first[0]["breakdown"]}
    assert parts == {"SKILLS": (20, 40), "LANGUAGES": (25, 25), "PLACE": (15, 15),
                     "AVAILABILITY": (10, 10), "WORK_PERMIT": (5, 10)}
    assert first[0]["score"] == 75
    assert "1 of 2 skills: cooking" in [p["detail"] for p in first[0]["breakdown"]]
    assert first[2]["score"] == 40  # skills 0, languages 25, place 0, availability 10, permit 5
    for _ in range(3):
        assert (await client.gql(MATCHES, token=ana))["jobMatches"] == first


async def test_offers_past_their_closing_date_are_never_ranked(client: Client) -> None:
    employer, _ = await client.vendor("shop@example.com", "Shop")
    past = await offer(client, employer, title="Pasada")
    await offer(client, employer, title="Abierta")
    async with client.runtime.db.write() as session:
        await session.execute(update(JobOffer).where(JobOffer.id == decode_id(past, "JobOffer"))
                              .values(closes_on=date.today() - timedelta(days=1)))
    ana = await candidate(client, "ana@example.com")
    found = (await client.gql(MATCHES, token=ana))["jobMatches"]
    assert [m["offer"]["title"] for m in found] == ["Abierta"]


async def test_an_employer_ranks_only_the_profiles_that_applied(client: Client) -> None:
    employer, _ = await client.vendor("bar@example.com", "Bar")
    rival, _ = await client.vendor("rival@example.com", "Rival")
    offer_id = await offer(client, employer)
    ana = await candidate(client, "ana@example.com")
    await candidate(client, "bea@example.com")  # never applies
    await apply(client, ana, offer_id)
    ranked = (await client.gql(CANDIDATES, {"o": offer_id}, employer))["jobOfferCandidates"]
    assert len(ranked) == 1
    refused = await client.raw(CANDIDATES, {"o": offer_id}, rival)
    assert refused["data"] is None
