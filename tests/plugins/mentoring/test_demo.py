"""The mentoring part of the demo marketplace (``ruta_demo_seed``): what a visitor finds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from engine.demo.data import DEMO_PASSWORD
from engine.runtime import Runtime
from tests.client import Client

EXPERTS = """{ experts(first: 100) { id kind displayName tags languages legalSystems timeZone
  verified capacity weeklyPlan { weekday start end } bioEs: bio(languageCode: ES)
  bioPt: bio(languageCode: PT) bioEn: bio(languageCode: EN) } }"""
SLOTS = """query($e: ID!, $f: DateTime!, $t: DateTime!, $z: String!) {
  expertSlots(expertId: $e, from: $f, to: $t, timeZone: $z) { startsAt endsAt } }"""
OFFERINGS = """query($e: ID!) { expertOfferings(expertId: $e) { id title isGroup seats
  price { amount } } }"""
SESSIONS = """query($o: ID!) { offeringSessions(offeringId: $o) { seats seatsTaken status
  variantId } }"""
MATCHES = """query($n: MatchNeedsInput!) { expertMatches(needs: $n, first: 5) {
  expert { displayName kind languages legalSystems } score hasCapacity
  breakdown { criterion points } } }"""
REQUESTS = """{ fundingRequests { id project status amountSought { amount } advisorIds
  history { status } } }"""
ONE_REQUEST = "query($id: ID!) { fundingRequest(id: $id) { id status } }"


async def experts(client: Client) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (await client.gql(EXPERTS))["experts"]
    return found


async def test_eight_verified_experts_of_four_kinds_in_both_countries(
        demo: Runtime, client: Client) -> None:
    listed = await experts(client)
    assert len(listed) >= 8 and all(e["verified"] for e in listed)
    assert {e["kind"] for e in listed} >= {"MENTOR", "LEGAL", "FUNDING"}
    assert {e["kind"] for e in listed} & {"MEDIATOR", "SOCIAL_MEDIATOR"}
    assert len({e["kind"] for e in listed}) >= 4
    assert {e["timeZone"] for e in listed} == {"Europe/Madrid", "Europe/Lisbon"}
    for country, zone in (("ES", "Europe/Madrid"), ("PT", "Europe/Lisbon")):
        local = [e for e in listed if country in e["legalSystems"]]
        assert {e["timeZone"] for e in local} == {zone}
        assert {e["kind"] for e in local} >= {"MENTOR", "LEGAL", "FUNDING"}
    assert {lang for e in listed for lang in e["languages"]} == {"ES", "PT", "EN"}
    for expert in listed:
        assert expert["bioEs"] and expert["bioPt"] and expert["bioEn"], expert
        assert len({expert["bioEs"], expert["bioPt"], expert["bioEn"]}) == 3, expert
        assert expert["tags"] and expert["weeklyPlan"] and expert["capacity"] > 0
    tags = {t["code"] for t in (await client.gql(
        "{ expertiseTags { code labelEs labelPt labelEn } }"))["expertiseTags"]}
    assert tags >= {"funding", "legal-setup", "tax", "marketing", "mediation", "tourism",
                    "accounting"}
    assert {t for e in listed for t in e["tags"]} <= tags


async def test_every_expert_has_free_slots_in_the_coming_week(demo: Runtime,
                                                              client: Client) -> None:
    start = datetime.now(UTC).replace(microsecond=0)
    end = start + timedelta(days=7)
    for expert in await experts(client):
        slots = (await client.gql(SLOTS, {"e": expert["id"], "f": start.isoformat(),
                                          "t": end.isoformat(), "z": expert["timeZone"]})
                 )["expertSlots"]
        assert slots, expert["displayName"]
        first = datetime.fromisoformat(slots[0]["startsAt"])
        assert start < first < end
        assert 10 <= first.hour < 18 and first.weekday() < 5  # office hours, local time


async def test_a_paid_group_workshop_sold_as_the_core_group_variant(demo: Runtime,
                                                                    client: Client) -> None:
    groups = []
    for expert in await experts(client):
        offerings = (await client.gql(OFFERINGS, {"e": expert["id"]}))["expertOfferings"]
        assert offerings, expert["displayName"]
        groups += [(expert, o) for o in offerings if o["isGroup"]]
    [(expert, group)] = groups
    assert expert["kind"] == "FUNDING" and "PT" in expert["legalSystems"]
    assert group["seats"] >= 4 and group["price"]["amount"] == "15.00"
    [session] = (await client.gql(SESSIONS, {"o": group["id"]}))["offeringSessions"]
    assert session["seats"] == group["seats"] == 8 and session["seatsTaken"] == 0
    assert session["status"] == "SCHEDULED" and session["variantId"]


async def test_matching_a_funding_need_in_portuguese(demo: Runtime, client: Client) -> None:
    needs = {"expertise": ["funding"], "languages": ["PT"], "country": "PT"}
    matches = (await client.gql(MATCHES, {"n": needs}))["expertMatches"]
    assert len(matches) >= 3
    scores = [m["score"] for m in matches]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    best = matches[0]
    assert best["expert"]["kind"] == "FUNDING" and best["hasCapacity"]
    assert "PT" in best["expert"]["languages"] and "PT" in best["expert"]["legalSystems"]
    points = {p["criterion"]: p["points"] for p in best["breakdown"]}
    assert points["EXPERTISE"] == 40 and points["LANGUAGE"] == 15
    assert points["LEGAL_SYSTEM"] == 15 and points["AVAILABILITY"] == 10


async def test_the_funding_advisor_sees_the_founders_request_others_do_not(
        demo: Runtime, client: Client) -> None:
    advisor = await client.login("funding.pt@ruta.example", DEMO_PASSWORD)
    # (the advisor also has programme participants' requests: ruta_demo_journeys)
    request = next(r for r in (await client.gql(REQUESTS, token=advisor))["fundingRequests"]
                   if r["project"] == "Alojamento rural em Monchique")
    assert request["status"] in ("OPEN", "IN_REVIEW") and len(request["advisorIds"]) == 1
    assert request["history"][0]["status"] == "OPEN"
    founder = await client.login("customer@ruta.example", DEMO_PASSWORD)
    assert [r["id"] for r in (await client.gql(REQUESTS, token=founder))["fundingRequests"]
            ] == [request["id"]]
    for email in ("funding.es@ruta.example", "mentor.pt@ruta.example"):
        other = await client.login(email, DEMO_PASSWORD)
        seen = (await client.gql(REQUESTS, token=other))["fundingRequests"]
        assert request["id"] not in [r["id"] for r in seen]
        hidden = await client.raw(ONE_REQUEST, {"id": request["id"]}, other)
        assert hidden["errors"][0]["extensions"]["code"] == "NOT_FOUND"
