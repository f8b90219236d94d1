"""expertMatches: an explained score, experts at capacity last, equal experts take turns."""

from __future__ import annotations

from typing import Any

from tests.client import Client
from tests.plugins.mentoring.test_profiles import WEEKDAYS_9_TO_13, make_expert, tags

MATCHES = """query($n: MatchNeedsInput!) { expertMatches(needs: $n) { score hasCapacity load
  expert { id displayName }
  breakdown { criterion points maxPoints detail reason values { name value } } } }"""
REQUEST = """mutation($e: ID!) { mentorshipRequest(expertId: $e) { mentorship { id }
  errors { code } } }"""
NEEDS = {"expertise": ["funding", "export"], "languages": ["PT"], "country": "PT",
         "kind": "MENTOR", "availableWithinDays": 14}


async def matches(client: Client, needs: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (await client.gql(MATCHES, {"n": needs or NEEDS})
                                   )["expertMatches"]
    return found


async def test_the_score_is_explained_criterion_by_criterion(client: Client) -> None:
    await tags(client, await client.operator(), "funding", "export")
    await make_expert(client, "best@example.com", tags_=["funding", "export"],
                      languages=["PT", "ES"], legal=["PT"], plan=WEEKDAYS_9_TO_13)
    await make_expert(client, "half@example.com", tags_=["funding"], languages=["ES"],
                      legal=["ES"])
    await make_expert(client, "lawyer@example.com", kind="LEGAL", tags_=["funding", "export"])
    best, half = await matches(client)
    assert best["expert"]["displayName"] == "Best"
    parts = {p["criterion"]: (p["points"], p["maxPoints"]) for p in best["breakdown"]}
    assert parts == {"EXPERTISE": (40, 40), "LANGUAGE": (15, 15), "LEGAL_SYSTEM": (15, 15),
                     "AVAILABILITY": (10, 10), "CAPACITY": (10, 10), "RATING": (5, 10)}
    assert best["score"] == 95
    half_parts = {p["criterion"]: p["points"] for p in half["breakdown"]}
    assert half_parts["EXPERTISE"] == 20 and half_parts["LANGUAGE"] == 0
    assert "1 of 2 needed topics: funding" in [p["detail"] for p in half["breakdown"]]
    assert half["score"] == 35
    # the same reasons as codes and values, for a client to word in its own language
    reasons = {p["reason"]: {v["name"]: v["value"] for v in p["values"]}
               for p in half["breakdown"]}
    assert reasons == {"TOPICS": {"matched": "1", "needed": "2", "topics": "funding"},
                       "SPEAKS_NONE": {"languages": ""}, "COVERS": {"systems": "ES"},
                       "FREE_HOURS": {"hours": "0", "days": "14"},
                       "PLACES_FREE": {"free": "3", "capacity": "3"}, "NOT_RATED": {}}


async def test_experts_at_capacity_rank_last_whatever_their_score(client: Client) -> None:
    await tags(client, await client.operator(), "funding", "export")
    await make_expert(client, "full@example.com", tags_=["funding", "export"],
                      languages=["PT"], legal=["PT"], capacity=0, plan=WEEKDAYS_9_TO_13)
    await make_expert(client, "weak@example.com", tags_=[], languages=["ES"], legal=["ES"])
    weak, full = await matches(client)
    assert (weak["expert"]["displayName"], weak["hasCapacity"]) == ("Weak", True)
    assert (full["expert"]["displayName"], full["hasCapacity"]) == ("Full", False)
    assert full["score"] > weak["score"]


async def test_equal_experts_take_turns_and_load_spreads_the_first_place(
        client: Client) -> None:
    await tags(client, await client.operator(), "funding")
    twins = {}
    for name in ("uno", "dos", "tres"):
        token, expert = await make_expert(client, f"{name}@example.com", tags_=["funding"],
                                          capacity=5)
        twins[name.title()] = (token, expert)
    needs = {"expertise": ["funding"], "kind": "MENTOR"}
    firsts = []
    for i in range(3):
        ranked = await matches(client, needs)
        assert len({m["score"] for m in ranked}) == 1
        firsts.append(ranked[0]["expert"]["displayName"])
        mentee = await client.register(f"mentee{i}@example.com")
        # every request made turns the order of equal experts by one place
        target = twins["Tres"][1]
        assert (await client.gql(REQUEST, {"e": target}, mentee)
                )["mentorshipRequest"]["mentorship"]
    assert sorted(firsts) == ["Dos", "Tres", "Uno"]
    # once Tres has an active mentee (more load), equal-score peers rank before Tres
    tres_token, _ = twins["Tres"]
    mine = (await client.gql("{ myMentorships { id } }", token=tres_token))["myMentorships"]
    accepted = await client.gql("""mutation($id: ID!) { mentorshipRespond(id: $id, accept: true)
      { mentorship { status } errors { code } } }""", {"id": mine[0]["id"]}, tres_token)
    assert accepted["mentorshipRespond"]["mentorship"]["status"] == "ACCEPTED"
    ranked = await matches(client, needs)
    assert ranked[-1]["expert"]["displayName"] == "Tres"
    assert ranked[-1]["load"] == 1


async def test_my_mentorships_name_the_mentor_for_the_pair_only(client: Client) -> None:
    mentor_token, expert = await make_expert(client, "carmen@example.com")
    mentee = await client.register("mentee@example.com")
    assert (await client.gql(REQUEST, {"e": expert}, mentee)
            )["mentorshipRequest"]["mentorship"]
    named = "{ myMentorships { expertId expertName status } }"
    for token in (mentee, mentor_token):
        (found,) = (await client.gql(named, token=token))["myMentorships"]
        assert found == {"expertId": expert, "expertName": "Carmen", "status": "PENDING"}
    stranger = await client.register("stranger@example.com")
    assert (await client.gql(named, token=stranger))["myMentorships"] == []
