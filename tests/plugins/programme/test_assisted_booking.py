"""Partner staff book a participant they assist into an event; the ticket is the
participant's; door staff check it in by its short code, typed."""

from __future__ import annotations

from sqlalchemy import select

from engine.notifications.models import Notification
from engine.plugins.api import encode_id
from engine.testing.client import Client
from tests.plugins.programme.setup import CHECK_IN, NEW_LIST, event, partner, staff

ERR = "errors { field code message }"
ENROL = f"""mutation($i: ParticipantRegisterInput!) {{ participantRegister(input: $i) {{
  participant {{ id email }} {ERR} }} }}"""
BOOK = f"""mutation($i: ParticipantBookInput!) {{ participantBook(input: $i) {{
  registration {{ id status ticket {{ code }} }} {ERR} }} }}"""
MINE = "{ myProgrammeRegistrations { status ticket { code } } }"
LISTS = "query($e: ID!) { programmeCheckinLists(eventId: $e) { id name } }"
MY_PARTNER = "{ myProgrammePartner { name } }"
STATUS = "query($l: ID!) { checkinListStatus(listId: $l) { inside checkedIn } }"


async def _participant(client: Client, adviser: str, partner_id: int, email: str) -> str:
    data = await client.gql(ENROL, {"i": {
        "partnerId": encode_id("Partner", partner_id), "email": email, "language": "pt",
        "consentJourney": True}}, adviser)
    assert data["participantRegister"]["errors"] == [], data
    assert data["participantRegister"]["participant"]["email"] == email
    found: str = data["participantRegister"]["participant"]["id"]
    return found


async def test_staff_book_a_participant_whose_account_holds_the_ticket_checked_in_by_code(
        client: Client) -> None:
    lepe = await partner(client)
    adviser = await staff(client, lepe, "adviser@lepe.example")
    assert (await client.gql(MY_PARTNER, token=adviser))["myProgrammePartner"] == {
        "name": "Ayuntamiento de Lepe"}
    amina = await client.register("amina@example.com")
    participant = await _participant(client, adviser, lepe, "amina@example.com")
    event_id = await event(client, adviser, lepe, capacity=5)
    booked = await client.gql(BOOK, {"i": {"participantId": participant, "eventId": event_id,
                                           "name": "Amina"}}, adviser)
    registration = booked["participantBook"]["registration"]
    assert registration["status"] == "CONFIRMED"
    code = registration["ticket"]["code"]
    assert (await client.gql(MINE, token=amina))["myProgrammeRegistrations"] == [
        {"status": "CONFIRMED", "ticket": {"code": code}}]
    assert (await client.gql(MINE, token=adviser))["myProgrammeRegistrations"] == []
    async with client.runtime.db.read() as session:  # the ticket e-mail goes to her account
        mails = list(await session.scalars(select(Notification).where(
            Notification.type == "event_ticket")))
    assert [m.email for m in mails] == ["amina@example.com"] and code in mails[0].body_text
    made = await client.gql(NEW_LIST, {"e": event_id, "n": "Puerta", "x": False}, adviser)
    list_id = made["checkinListCreate"]["checkinList"]["id"]
    assert (await client.gql(LISTS, {"e": event_id}, adviser))["programmeCheckinLists"] == [
        {"id": list_id, "name": "Puerta"}]
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    scans = [(wrong, "nonce-0001"), (code.lower(), "nonce-0002"), (code, "nonce-0003")]
    answers = [(await client.gql(CHECK_IN, {"s": s, "l": list_id, "n": n, "x": False},
                                 adviser))["checkIn"] for s, n in scans]
    assert [(a["ok"], a["reason"]) for a in answers] == [
        (False, "INVALID_SIGNATURE"), (True, None), (False, "ALREADY_CHECKED_IN")]
    short = await client.gql("""mutation($s: String!, $l: ID!) { checkIn(secret: $s,
      listId: $l, nonce: "x") { ok errors { field code } } }""", {"s": code, "l": list_id},
                             adviser)
    assert short["checkIn"] == {"ok": False, "errors": [{"field": "nonce", "code": "INVALID"}]}
    assert (await client.gql(STATUS, {"l": list_id}, adviser))["checkinListStatus"] == {
        "inside": 1, "checkedIn": 1}


async def test_only_the_participants_partner_books_them_and_lists_its_doors(
        client: Client) -> None:
    lepe, faro = await partner(client), await partner(client, "Câmara de Faro", "PT", "Algarve")
    adviser = await staff(client, lepe, "adviser@lepe.example")
    other = await staff(client, faro, "adviser@faro.example")
    await client.register("amina@example.com")
    participant = await _participant(client, adviser, lepe, "amina@example.com")
    event_id = await event(client, adviser, lepe, capacity=5)
    vendor, _ = await client.vendor("shop@example.com", "Tienda")
    for token in (other, vendor, None):
        refused = await client.raw(BOOK, {"i": {"participantId": participant,
                                                "eventId": event_id, "name": "X"}}, token)
        assert refused["errors"][0]["extensions"]["code"] in {
            "PERMISSION_DENIED", "UNAUTHENTICATED"}
        lists = await client.raw(LISTS, {"e": event_id}, token)
        assert lists["errors"][0]["extensions"]["code"] in {
            "PERMISSION_DENIED", "UNAUTHENTICATED"}
    assert (await client.gql(MINE, token=await client.login("amina@example.com"))
            )["myProgrammeRegistrations"] == []
