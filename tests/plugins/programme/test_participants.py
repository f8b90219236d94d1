"""Assisted participants: partner staff see only their own partner's participants, and a
journey only with that participant's consent; others (another partner's staff, a vendor,
anonymous) see nothing."""

from __future__ import annotations

from typing import Any

from engine.plugins.api import encode_id
from engine.testing.client import Client
from tests.plugins.programme.setup import partner, staff

REGISTER = """mutation($i: ParticipantRegisterInput!) { participantRegister(input: $i) {
  participant { id language consentJourney } errors { field code } } }"""
LIST = "{ programmeParticipants { id } }"
JOURNEY = "query($id: ID!) { participantJourney(id: $id) { kind label } }"
CONSENT = """mutation($id: ID!, $c: Boolean!) { participantConsentSet(id: $id, consent: $c) {
  participant { consentJourney } errors { code } } }"""


async def _add(client: Client, token: str, partner_id: int, email: str, consent: bool
               ) -> dict[str, Any]:
    data = await client.gql(REGISTER, {"i": {
        "partnerId": encode_id("Partner", partner_id), "email": email, "language": "ar",
        "consentJourney": consent, "originRegion": "North Africa"}}, token)
    result: dict[str, Any] = data["participantRegister"]
    return result


def _code(body: dict[str, Any]) -> str:
    code: str = body["errors"][0]["extensions"]["code"]
    return code


async def test_staff_see_their_own_consenting_participants_only(client: Client) -> None:
    lepe, faro = await partner(client), await partner(client, "Câmara Municipal de Faro", "PT")
    lepe_staff = await staff(client, lepe, "staff@lepe.example")
    faro_staff = await staff(client, faro, "staff@faro.example")
    amina = await client.register("amina@example.com")
    await client.register("omar@example.com")
    yes = (await _add(client, lepe_staff, lepe, "amina@example.com", True))["participant"]
    assert yes == {"id": yes["id"], "language": "AR", "consentJourney": True}
    no = (await _add(client, lepe_staff, lepe, "omar@example.com", False))["participant"]
    refused = await client.raw(REGISTER, {"i": {
        "partnerId": encode_id("Partner", lepe), "email": "amina@example.com",
        "language": "AR", "consentJourney": True}}, faro_staff)
    assert _code(refused) == "PERMISSION_DENIED"
    mine = (await client.gql(LIST, token=lepe_staff))["programmeParticipants"]
    assert [p["id"] for p in mine] == [yes["id"], no["id"]]
    assert (await client.gql(LIST, token=faro_staff))["programmeParticipants"] == []
    journey = (await client.gql(JOURNEY, {"id": yes["id"]}, lepe_staff))["participantJourney"]
    assert [step["kind"] for step in journey] == ["REGISTERED"]
    assert _code(await client.raw(JOURNEY, {"id": no["id"]}, lepe_staff)) == "PERMISSION_DENIED"
    vendor, _ = await client.vendor("shop@example.com", "Tienda")
    for token in (faro_staff, vendor, amina):
        assert _code(await client.raw(JOURNEY, {"id": yes["id"]}, token)) == "PERMISSION_DENIED"
    assert _code(await client.raw(JOURNEY, {"id": yes["id"]})) == "UNAUTHENTICATED"
    for token in (vendor, amina):
        assert _code(await client.raw(LIST, token=token)) == "PERMISSION_DENIED"
    assert _code(await client.raw(LIST)) == "UNAUTHENTICATED"
    withdrawn = await client.gql(CONSENT, {"id": yes["id"], "c": False}, amina)
    assert withdrawn["participantConsentSet"]["participant"] == {"consentJourney": False}
    assert _code(await client.raw(JOURNEY, {"id": yes["id"]}, lepe_staff)) == "PERMISSION_DENIED"
    by_staff = await client.gql(CONSENT, {"id": no["id"], "c": True}, lepe_staff)
    assert by_staff["participantConsentSet"]["errors"] == [{"code": "NOT_FOUND"}]


async def test_origin_is_never_exposed_and_goes_with_the_account(client: Client) -> None:
    lepe = await partner(client)
    lepe_staff = await staff(client, lepe, "staff2@lepe.example")
    await client.register("sara@example.com")
    await _add(client, lepe_staff, lepe, "sara@example.com", True)
    schema = (await client.gql('{ __type(name: "ProgrammeParticipant") { fields { name } } }',
                               token=lepe_staff))
    assert schema["__type"] is None or "originRegion" not in {
        f["name"] for f in schema["__type"]["fields"]}
    from sqlalchemy import delete, func, select

    from engine.accounts.models import User
    from plugins.programme.models import Participant
    async with client.runtime.db.write() as session:
        await session.execute(delete(User).where(User.email == "sara@example.com"))
    async with client.runtime.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(Participant)) == 0
