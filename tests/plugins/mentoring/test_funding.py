"""Funding requests: visible only to the requester, assigned advisors and operators."""

from __future__ import annotations

from tests.client import Client
from tests.plugins.mentoring.test_profiles import make_expert

OPEN = """mutation($i: FundingRequestInput!) { fundingRequestOpen(input: $i) {
  fundingRequest { id status amountSought { amount } history { status } }
  errors { field code } } }"""
ONE = "query($id: ID!) { fundingRequest(id: $id) { project status advisorIds history { status } } }"
PICK = """mutation($id: ID!) { fundingRequestPickUp(id: $id) { fundingRequest { status }
  errors { code } } }"""
MOVE = """mutation($id: ID!, $s: FundingRequestStatus!) { fundingRequestMove(id: $id, status: $s)
  { fundingRequest { status history { status } } errors { code } } }"""
INPUT = {"project": "Quesería en Aracena", "amountSought": "25000.50", "stage": "PLAN",
         "documents": ["plan.pdf", "presupuesto.xlsx"]}


async def test_a_request_moves_through_its_statuses_with_history(client: Client) -> None:
    founder = await client.register("founder@example.com")
    opened = (await client.gql(OPEN, {"i": INPUT}, founder))["fundingRequestOpen"]
    request = opened["fundingRequest"]
    assert (request["status"], request["amountSought"]["amount"]) == ("OPEN", "25000.50")
    advisor, advisor_id = await make_expert(client, "advisor@example.com", kind="FUNDING")
    picked = await client.gql(PICK, {"id": request["id"]}, advisor)
    assert picked["fundingRequestPickUp"]["fundingRequest"]["status"] == "IN_REVIEW"
    skipped = await client.gql(MOVE, {"id": request["id"], "s": "GRANTED"}, advisor)
    assert skipped["fundingRequestMove"]["errors"] == [{"code": "INVALID_TRANSITION"}]
    for status in ("SUBMITTED_TO_FUNDER", "GRANTED"):
        moved = await client.gql(MOVE, {"id": request["id"], "s": status}, advisor)
        assert moved["fundingRequestMove"]["fundingRequest"]["status"] == status
    seen = (await client.gql(ONE, {"id": request["id"]}, founder))["fundingRequest"]
    assert [h["status"] for h in seen["history"]] == [
        "OPEN", "IN_REVIEW", "SUBMITTED_TO_FUNDER", "GRANTED"]
    assert seen["advisorIds"] == [advisor_id]
    by_founder = await client.raw(MOVE, {"id": request["id"], "s": "DECLINED"}, founder)
    assert by_founder["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_requests_are_invisible_outside_requester_advisors_and_operators(
        client: Client) -> None:
    founder = await client.register("founder@example.com")
    request = (await client.gql(OPEN, {"i": INPUT}, founder)
               )["fundingRequestOpen"]["fundingRequest"]
    other_mentee = await client.register("other@example.com")
    other_expert, _ = await make_expert(client, "mentor@example.com")
    idle_advisor, _ = await make_expert(client, "idle@example.com", kind="FUNDING")
    vendor, _ = await client.vendor("shop@example.com", "Tienda")
    for outsider in (other_mentee, other_expert, idle_advisor, vendor, None):
        body = await client.raw(ONE, {"id": request["id"]}, outsider)
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] in ("NOT_FOUND", "UNAUTHENTICATED")
        if outsider is not None:
            listed = await client.gql("{ fundingRequests { id } }", token=outsider)
            assert listed["fundingRequests"] == []
    mentor_pick = await client.raw(PICK, {"id": request["id"]}, other_expert)
    assert mentor_pick["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    operator = await client.operator()
    assert (await client.gql(ONE, {"id": request["id"]}, operator)
            )["fundingRequest"]["project"] == "Quesería en Aracena"
    assert len((await client.gql("{ fundingRequests { id } }", token=founder)
                )["fundingRequests"]) == 1


async def test_bad_funding_input_is_refused(client: Client) -> None:
    founder = await client.register("founder@example.com")
    data = await client.gql(OPEN, {"i": {**INPUT, "amountSought": "-5", "project": "x"}},
                            founder)
    assert {(e["field"], e["code"]) for e in data["fundingRequestOpen"]["errors"]} == {
        ("amountSought", "INVALID"), ("project", "TOO_SHORT")}
    assert (await client.gql("{ fundingRequests { id } }", token=founder)
            )["fundingRequests"] == []
