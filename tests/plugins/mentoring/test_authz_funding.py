"""Only operator-verified funding advisors pick up, read and move founders' requests;
declaring yourself a FUNDING expert (or changing kind) needs a new verification."""

from __future__ import annotations

from tests.client import Client
from tests.plugins.mentoring.test_funding import INPUT, MOVE, ONE, OPEN, PICK
from tests.plugins.mentoring.test_profiles import CREATE, UPDATE, VERIFY, make_expert, mark_verified


async def test_an_unverified_funding_expert_cannot_pick_up_read_or_move_a_request(
        client: Client) -> None:
    founder = await client.register("founder@example.com")
    request = (await client.gql(OPEN, {"i": INPUT}, founder)
               )["fundingRequestOpen"]["fundingRequest"]
    anyone = await client.register("anyone@example.com")
    created = await client.gql(CREATE, {"i": {
        "kind": "FUNDING", "displayName": "Self-made advisor", "timeZone": "Europe/Madrid"}},
        anyone)
    assert created["expertCreate"]["expert"]["verified"] is False
    picked = await client.raw(PICK, {"id": request["id"]}, anyone)
    assert picked["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    moved = await client.gql(MOVE, {"id": request["id"], "s": "DECLINED"}, anyone)
    assert moved["fundingRequestMove"] == {"fundingRequest": None,
                                           "errors": [{"code": "NOT_FOUND"}]}
    read = await client.raw(ONE, {"id": request["id"]}, anyone)
    assert read["data"] is None and read["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    seen = (await client.gql(ONE, {"id": request["id"]}, founder))["fundingRequest"]
    assert (seen["status"], seen["advisorIds"]) == ("OPEN", [])


async def test_a_verified_advisor_loses_access_when_verification_is_withdrawn(
        client: Client) -> None:
    founder = await client.register("founder@example.com")
    request = (await client.gql(OPEN, {"i": INPUT}, founder)
               )["fundingRequestOpen"]["fundingRequest"]
    advisor, advisor_id = await make_expert(client, "advisor@example.com", kind="FUNDING")
    picked = await client.gql(PICK, {"id": request["id"]}, advisor)
    assert picked["fundingRequestPickUp"]["fundingRequest"]["status"] == "IN_REVIEW"
    await mark_verified(client, advisor_id, False)
    moved = await client.gql(MOVE, {"id": request["id"], "s": "DECLINED"}, advisor)
    assert moved["fundingRequestMove"]["errors"] == [{"code": "NOT_FOUND"}]
    assert (await client.gql(ONE, {"id": request["id"]}, founder)
            )["fundingRequest"]["status"] == "IN_REVIEW"


async def test_changing_kind_resets_verification(client: Client) -> None:
    operator = await client.operator()
    mentor, mentor_id = await make_expert(client, "mentor@example.com", verified=False)
    assert (await client.gql(VERIFY, {"id": mentor_id, "v": True}, operator)
            )["expertVerify"]["expert"]["verified"] is True
    changed = await client.gql(UPDATE, {"id": mentor_id, "i": {"kind": "FUNDING"}}, mentor)
    assert changed["expertUpdate"]["expert"]["verified"] is False
    founder = await client.register("founder@example.com")
    request = (await client.gql(OPEN, {"i": INPUT}, founder)
               )["fundingRequestOpen"]["fundingRequest"]
    body = await client.raw(PICK, {"id": request["id"]}, mentor)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    same = await client.gql(UPDATE, {"id": mentor_id, "i": {"kind": "FUNDING",
                                                            "displayName": "Ana"}}, mentor)
    assert same["expertUpdate"]["expert"]["verified"] is False
    await client.gql(VERIFY, {"id": mentor_id, "v": True}, operator)
    kept = await client.gql(UPDATE, {"id": mentor_id, "i": {"kind": "FUNDING",
                                                            "displayName": "Ana M."}}, mentor)
    assert kept["expertUpdate"]["expert"]["verified"] is True  # same kind: still verified
    assert (await client.gql(PICK, {"id": request["id"]}, mentor)
            )["fundingRequestPickUp"]["fundingRequest"]["status"] == "IN_REVIEW"
