"""Tickets verify offline; check-in is one entry per ticket across doors, idempotent per
nonce, and refuses forged, unknown, revoked and already-used tickets with a reason."""

from __future__ import annotations

import asyncio
import base64

from engine.testing.client import Client
from plugins.programme import tickets
from tests.plugins.programme.setup import (
    CANCEL,
    CHECK_IN,
    NEW_LIST,
    event,
    make_operator,
    partner,
    register,
    staff,
)


def _flip(secret: str, at: int) -> str:
    raw = bytearray(base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4)))
    raw[at] ^= 1
    return base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")


async def _scan(client: Client, token: str, secret: str, list_id: str, nonce: str,
                exit: bool = False) -> dict[str, object]:
    data = await client.gql(CHECK_IN, {"s": secret, "l": list_id, "n": nonce, "x": exit},
                            token)
    result: dict[str, object] = data["checkIn"]
    return result


async def _list(client: Client, token: str, event_id: str, allow_exit: bool) -> str:
    data = await client.gql(NEW_LIST, {"e": event_id, "n": "Main door", "x": allow_exit}, token)
    list_id: str = data["checkinListCreate"]["checkinList"]["id"]
    return list_id


async def test_forged_or_altered_secrets_fail_offline(client: Client) -> None:
    operator = await make_operator(client, "op@tickets.example")
    event_id = await event(client, operator, await partner(client), capacity=5)
    secret = (await register(client, event_id, 1))["registration"]["ticket"]["secret"]
    key = (await client.gql("{ programmeTicketKey }"))["programmeTicketKey"]
    assert tickets.verify(key, secret) is not None
    assert tickets.verify(key, _flip(secret, 3)) is None  # altered registration id
    assert tickets.verify(key, _flip(secret, 40)) is None  # altered signature
    forged = tickets.sign("another-installation-secret-key-0123456789", 1, 1)
    assert tickets.verify(key, forged) is None
    assert tickets.verify(key, "not a ticket") is None


async def test_two_doors_at_once_give_one_entry_and_nonces_are_idempotent(
        client: Client) -> None:
    partner_id = await partner(client)
    door = await staff(client, partner_id, "door@lepe.example")
    event_id = await event(client, door, partner_id, capacity=5)
    secret = (await register(client, event_id, 1))["registration"]["ticket"]["secret"]
    list_id = await _list(client, door, event_id, allow_exit=False)
    first, second = await asyncio.gather(_scan(client, door, secret, list_id, "door-a-0001"),
                                         _scan(client, door, secret, list_id, "door-b-0001"))
    assert sorted([first["reason"] or "OK", second["reason"] or "OK"]) == [
        "ALREADY_CHECKED_IN", "OK"]
    again = await _scan(client, door, secret, list_id, "door-a-0001")
    assert again == first  # the same nonce: the same answer, no second check-in
    status = await client.gql("query($l: ID!) { checkinListStatus(listId: $l) "
                              "{ inside checkedIn } }", {"l": list_id}, door)
    assert status["checkinListStatus"] == {"inside": 1, "checkedIn": 1}
    no_exit = await _scan(client, door, secret, list_id, "door-a-0002", exit=True)
    assert no_exit["reason"] == "EXIT_NOT_ALLOWED"


async def test_exit_then_entry_when_the_list_allows_it(client: Client) -> None:
    partner_id = await partner(client)
    door = await staff(client, partner_id, "door2@lepe.example")
    event_id = await event(client, door, partner_id, capacity=5)
    secret = (await register(client, event_id, 1))["registration"]["ticket"]["secret"]
    list_id = await _list(client, door, event_id, allow_exit=True)
    steps = [("n-000001", False), ("n-000002", True), ("n-000003", False), ("n-000004", False)]
    answers = [(await _scan(client, door, secret, list_id, n, x))["reason"] for n, x in steps]
    assert answers == [None, None, None, "ALREADY_CHECKED_IN"]
    not_inside = [(await _scan(client, door, secret, list_id, n, True))["reason"]
                  for n in ("n-000005", "n-000006")]
    assert not_inside == [None, "NOT_INSIDE"]


async def test_unknown_revoked_and_foreign_tickets_are_refused(client: Client) -> None:
    partner_id = await partner(client)
    door = await staff(client, partner_id, "door3@lepe.example")
    event_id = await event(client, door, partner_id, capacity=5)
    other_event = await event(client, door, partner_id, capacity=5)
    reg = (await register(client, event_id, 1))["registration"]
    list_id = await _list(client, door, event_id, allow_exit=False)
    secret_key = client.runtime.settings.secret_key
    unknown = tickets.sign(secret_key, 999_999, 1)
    assert (await _scan(client, door, unknown, list_id, "u-0000001"))["reason"] == \
        "UNKNOWN_TICKET"
    assert (await _scan(client, door, _flip(reg["ticket"]["secret"], 5), list_id,
                        "u-0000002"))["reason"] == "INVALID_SIGNATURE"
    foreign = (await register(client, other_event, 2))["registration"]["ticket"]["secret"]
    assert (await _scan(client, door, foreign, list_id, "u-0000003"))["reason"] == "WRONG_EVENT"
    await client.gql(CANCEL, {"id": reg["id"]}, door)
    assert (await _scan(client, door, reg["ticket"]["secret"], list_id,
                        "u-0000004"))["reason"] == "REVOKED"


async def test_only_the_organising_partner_scans(client: Client) -> None:
    partner_id = await partner(client)
    other = await staff(client, await partner(client, "ONG Sin Fronteras", kind="NGO"),
                        "ngo@example.org")
    door = await staff(client, partner_id, "door4@lepe.example")
    event_id = await event(client, door, partner_id, capacity=5)
    secret = (await register(client, event_id, 1))["registration"]["ticket"]["secret"]
    list_id = await _list(client, door, event_id, allow_exit=False)
    for token in (other, None):
        body = await client.raw(CHECK_IN, {"s": secret, "l": list_id, "n": "x-0000001",
                                           "x": False}, token)
        assert body["errors"][0]["extensions"]["code"] in {"PERMISSION_DENIED",
                                                           "UNAUTHENTICATED"}
