"""Assisted participants: partner staff see only their own partner's participants, and a
journey only with that participant's consent; others (another partner's staff, a vendor,
anonymous) see nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from engine.plugins.api import encode_id
from engine.testing.client import PASSWORD, Client
from plugins.programme.event_models import Registration
from plugins.programme.models import Participant
from tests.plugins.programme.setup import REGISTER as REGISTER_EVENT
from tests.plugins.programme.setup import event, partner, staff

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
    sara = await client.register("sara@example.com")
    await _add(client, lepe_staff, lepe, "sara@example.com", True)
    event_id = await event(client, lepe_staff, lepe, capacity=5)
    await client.gql(REGISTER_EVENT, {"i": {"eventId": event_id, "name": "Sara Benali",
                                            "email": "sara@example.com"}}, sara)
    fields = await client.gql('{ __type(name: "ProgrammeParticipant") { fields { name } } }')
    assert "originRegion" not in {f["name"] for f in fields["__type"]["fields"]}
    exported = await client.gql("mutation { accountDataExport { data } }", token=sara)
    mine = exported["accountDataExport"]["data"]["programme"]
    assert mine["participant"][0]["originRegion"] == "North Africa"
    assert mine["eventRegistrations"][0]["name"] == "Sara Benali"
    deleted = await client.gql("mutation($p: String!) { accountDelete(password: $p) { ok } }",
                               {"p": PASSWORD}, sara)
    assert deleted["accountDelete"]["ok"] is True
    async with client.runtime.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(Participant)) == 0
        names = list(await session.execute(select(Registration.name, Registration.email)))
    assert [tuple(n) for n in names] == [("[erased]", "[erased]")]
