"""``fundingRequestAssign``: an operator hands a request to a verified FUNDING advisor, who
then sees and moves it; everyone else is refused and nothing changes."""

from __future__ import annotations

from typing import Any

from tests.client import Client
from tests.plugins.mentoring.test_funding import INPUT, MOVE, ONE, OPEN
from tests.plugins.mentoring.test_profiles import make_expert
from tests.test_audit_log import entries

ASSIGN = """mutation($id: ID!, $e: ID!) { fundingRequestAssign(id: $id, expertId: $e) {
  fundingRequest { id status advisorIds history { status } } errors { field code message } } }"""
LIST = "{ fundingRequests { id project status advisorIds } }"


async def opened(client: Client, founder: str) -> dict[str, Any]:
    request: dict[str, Any] = (await client.gql(OPEN, {"i": INPUT}, founder)
                               )["fundingRequestOpen"]["fundingRequest"]
    return request


async def test_an_operator_assigns_an_advisor_who_then_sees_and_moves_the_request(
        client: Client) -> None:
    founder = await client.register("founder@example.com")
    request = await opened(client, founder)
    advisor, advisor_id = await make_expert(client, "advisor@example.com", kind="FUNDING")
    assert (await client.gql(LIST, None, advisor))["fundingRequests"] == []
    operator = await client.operator("boss@example.com")
    done = (await client.gql(ASSIGN, {"id": request["id"], "e": advisor_id}, operator)
            )["fundingRequestAssign"]
    assert done["errors"] == []
    assert (done["fundingRequest"]["status"], done["fundingRequest"]["advisorIds"]) == (
        "IN_REVIEW", [advisor_id])
    assert [h["status"] for h in done["fundingRequest"]["history"]] == ["OPEN", "IN_REVIEW"]
    listed = (await client.gql(LIST, None, advisor))["fundingRequests"]
    assert [(r["id"], r["project"]) for r in listed] == [(request["id"], INPUT["project"])]
    again = (await client.gql(ASSIGN, {"id": request["id"], "e": advisor_id}, operator)
             )["fundingRequestAssign"]
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("expertId", "DUPLICATED")]
    moved = await client.gql(MOVE, {"id": request["id"], "s": "SUBMITTED_TO_FUNDER"}, advisor)
    assert moved["fundingRequestMove"]["fundingRequest"]["status"] == "SUBMITTED_TO_FUNDER"
    logged = await entries(client, operator, "fundingRequestAssign")
    assert [(e["role"], e["targets"], e["outcome"]) for e in logged] == [
        ("OPERATOR", {"id": request["id"], "expertId": advisor_id}, "OK"),
        ("OPERATOR", {"id": request["id"], "expertId": advisor_id}, "REFUSED")]


async def test_vendors_anonymous_and_other_advisors_cannot_assign(client: Client) -> None:
    founder = await client.register("founder@example.com")
    request = await opened(client, founder)
    _, advisor_id = await make_expert(client, "advisor@example.com", kind="FUNDING")
    other, _ = await make_expert(client, "other@example.com", kind="FUNDING")
    vendor, _ = await client.vendor("shop@example.com", "Tienda")
    variables = {"id": request["id"], "e": advisor_id}
    for token, code in ((vendor, "PERMISSION_DENIED"), (other, "PERMISSION_DENIED"),
                        (founder, "PERMISSION_DENIED"), (None, "UNAUTHENTICATED")):
        body = await client.raw(ASSIGN, variables, token)
        assert body["data"] is None, body
        assert body["errors"][0]["extensions"]["code"] == code
    seen = (await client.gql(ONE, {"id": request["id"]}, founder))["fundingRequest"]
    assert (seen["status"], seen["advisorIds"]) == ("OPEN", [])


async def test_unknown_request_or_expert_unfit_advisors_and_decided_requests_are_refused(
        client: Client) -> None:
    founder = await client.register("founder@example.com")
    request = await opened(client, founder)
    operator = await client.operator("boss@example.com")
    _, mentor_id = await make_expert(client, "mentor@example.com", kind="MENTOR")
    _, unverified_id = await make_expert(client, "new@example.com", kind="FUNDING",
                                         verified=False)
    advisor, advisor_id = await make_expert(client, "advisor@example.com", kind="FUNDING")
    gone_request = "RnVuZGluZ1JlcXVlc3Q6OTk5OTk="  # FundingRequest:99999
    gone_expert = "RXhwZXJ0Ojk5OTk5"  # Expert:99999
    cases = [((request["id"], gone_expert), ("expertId", "NOT_FOUND")),
             ((gone_request, advisor_id), ("id", "NOT_FOUND")),
             ((request["id"], mentor_id), ("expertId", "NOT_FUNDING_ADVISOR")),
             ((request["id"], unverified_id), ("expertId", "NOT_VERIFIED")),
             ((request["id"], request["id"]), ("expertId", "INVALID_ID"))]
    for (request_id, expert_id), expected in cases:
        payload = (await client.gql(ASSIGN, {"id": request_id, "e": expert_id}, operator)
                   )["fundingRequestAssign"]
        assert payload["fundingRequest"] is None
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [expected], expected
    seen = (await client.gql(ONE, {"id": request["id"]}, founder))["fundingRequest"]
    assert (seen["status"], seen["advisorIds"]) == ("OPEN", [])
    await client.gql(ASSIGN, {"id": request["id"], "e": advisor_id}, operator)
    for status in ("SUBMITTED_TO_FUNDER", "DECLINED"):
        await client.gql(MOVE, {"id": request["id"], "s": status}, advisor)
    _, late_id = await make_expert(client, "late@example.com", kind="FUNDING")
    decided = (await client.gql(ASSIGN, {"id": request["id"], "e": late_id}, operator)
               )["fundingRequestAssign"]
    assert [(e["field"], e["code"]) for e in decided["errors"]] == [("id", "INVALID_TRANSITION")]
    seen = (await client.gql(ONE, {"id": request["id"]}, founder))["fundingRequest"]
    assert (seen["status"], seen["advisorIds"]) == ("DECLINED", [advisor_id])
