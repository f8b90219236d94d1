"""Certificates of attendance: the event's partner staff (or an operator) issue them, once
the event has started, to the people with an account checked in at it, through the core
hook that e-learning answers; running it again issues none twice. Anybody else is refused
and nothing is written. The holder lists them, downloads the PDF through a signed link,
anyone verifies them, and erasing the account removes the holder's name."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

import jwt
from sqlalchemy import func, select

from engine.plugins.api import decode_id, encode_id, gather_hook, utcnow
from engine.testing.client import PASSWORD, Client
from plugins.elearning.models import AttendanceCertificate
from tests.plugins.elearning.test_certificate_pdf import text_of
from tests.plugins.programme.setup import (
    CHECK_IN,
    NEW_LIST,
    event,
    make_operator,
    partner,
    staff,
)

CREATE_EVENT = """mutation($i: ProgrammeEventInput!) { programmeEventCreate(input: $i) {
  event { id } errors { field code } } }"""
REGISTER = """mutation($i: EventRegisterInput!) { programmeEventRegister(input: $i) {
  registration { id ticket { secret } } errors { field code } } }"""
ISSUE = """mutation($e: ID!) { programmeAttendanceCertificatesIssue(eventId: $e) {
  issued errors { field code message } } }"""
MINE = """query($l: LanguageCodeEnum) { myAttendanceCertificates { id credentialId title
  attendedOn organiser issuedAt verifyUrl pdfUrl(languageCode: $l) } }"""
VERIFY = """query($c: String!) { certificateVerify(credential: $c) { valid reason kind
  credentialId courseName eventName attendedOn organiser recipientName holderErased
  issuedAt } }"""
NAME = """mutation($n: String!) { accountUpdate(input: { name: $n }) { errors { code } } }"""
ME = "{ me { id } }"
DELETE = """mutation($p: String!) { accountDelete(password: $p) { ok errors { code } } }"""
TITLE = "Taller de contabilidad"
ORGANISER = "Ayuntamiento de Lepe"


async def started_event(client: Client, token: str, partner_id: int) -> str:
    start = utcnow() - timedelta(hours=2)
    data = await client.gql(CREATE_EVENT, {"i": {
        "partnerId": encode_id("Partner", partner_id), "title": TITLE, "capacity": 10,
        "questions": [], "sessions": [{"startsAt": start.isoformat(),
                                       "endsAt": (start + timedelta(hours=4)).isoformat(),
                                       "onlineUrl": "https://meet.example/taller"}]}}, token)
    assert data["programmeEventCreate"]["errors"] == [], data
    event_id: str = data["programmeEventCreate"]["event"]["id"]
    return event_id


async def attendee(client: Client, event_id: str, email: str, name: str) -> tuple[str, str]:
    """An account, named, registered for the event: (its token, its ticket secret)."""
    token = await client.register(email)
    assert (await client.gql(NAME, {"n": name}, token))["accountUpdate"]["errors"] == []
    data = await client.gql(REGISTER, {"i": {"eventId": event_id, "name": name,
                                             "email": email, "answers": {}}}, token)
    assert data["programmeEventRegister"]["errors"] == [], data
    secret: str = data["programmeEventRegister"]["registration"]["ticket"]["secret"]
    return token, secret


async def check_in(client: Client, door: str, list_id: str, secret: str, nonce: str) -> None:
    scan = await client.gql(CHECK_IN, {"s": secret, "l": list_id, "n": nonce, "x": False},
                            door)
    assert scan["checkIn"]["ok"] is True, scan


async def stored(client: Client) -> int:
    async with client.runtime.db.read() as session:
        return int(await session.scalar(
            select(func.count()).select_from(AttendanceCertificate)) or 0)


async def mine(client: Client, token: str, language: str | None = None
               ) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (await client.gql(MINE, {"l": language}, token)
                                   )["myAttendanceCertificates"]
    return found


async def verified(client: Client, credential: str) -> dict[str, Any]:
    result: dict[str, Any] = (await client.gql(VERIFY, {"c": credential}))["certificateVerify"]
    return result


class Scene:
    """A started event with three attendees: Ana and Bruno checked in (Ana on two lists),
    Carla registered but never came."""

    def __init__(self, door: str, partner_id: int, event_id: str,
                 tokens: dict[str, str]) -> None:
        self.door, self.partner_id, self.event_id, self.tokens = (door, partner_id, event_id,
                                                                  tokens)


async def scene(client: Client) -> Scene:
    partner_id = await partner(client, ORGANISER)
    door = await staff(client, partner_id, "door@lepe.example")
    event_id = await started_event(client, door, partner_id)
    tokens, secrets = {}, {}
    for key, name in (("ana", "Ana Quintero Vidal"), ("bruno", "Bruno Sales Faria"),
                      ("carla", "Carla Mendes Rocha")):
        tokens[key], secrets[key] = await attendee(client, event_id, f"{key}@example.com",
                                                   name)
    lists = []
    for name in ("Main door", "Side door"):
        made = await client.gql(NEW_LIST, {"e": event_id, "n": name, "x": False}, door)
        lists.append(made["checkinListCreate"]["checkinList"]["id"])
    await check_in(client, door, lists[0], secrets["ana"], "scan-ana-0001")
    await check_in(client, door, lists[1], secrets["ana"], "scan-ana-0002")
    await check_in(client, door, lists[1], secrets["bruno"], "scan-bruno-01")
    return Scene(door, partner_id, event_id, tokens)


async def test_only_checked_in_attendees_get_one_certificate_each_however_often_issued(
        client: Client) -> None:
    s = await scene(client)
    first = await client.gql(ISSUE, {"e": s.event_id}, s.door)
    assert first["programmeAttendanceCertificatesIssue"] == {"issued": 2, "errors": []}
    operator = await make_operator(client, "op@lepe.example")
    again = await client.gql(ISSUE, {"e": s.event_id}, operator)
    assert again["programmeAttendanceCertificatesIssue"] == {"issued": 0, "errors": []}
    assert await stored(client) == 2
    [ana] = await mine(client, s.tokens["ana"])
    [bruno] = await mine(client, s.tokens["bruno"])
    assert await mine(client, s.tokens["carla"]) == []
    assert ana["credentialId"] != bruno["credentialId"]
    assert (ana["title"], ana["organiser"]) == (TITLE, ORGANISER)
    assert ana["attendedOn"] == (utcnow() - timedelta(hours=2)).date().isoformat()
    assert urlparse(ana["verifyUrl"]).path == "/verify"


async def test_other_partners_staff_vendors_and_anonymous_are_refused_and_nothing_is_written(
        client: Client) -> None:
    s = await scene(client)
    other = await staff(client, await partner(client, "Câmara de Tavira", "PT", "Faro"),
                        "staff@tavira.example")
    vendor, _ = await client.vendor("shop@example.com", "Tienda")
    for token in (other, vendor, s.tokens["ana"]):
        body = await client.raw(ISSUE, {"e": s.event_id}, token)
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED", body
    anonymous = await client.raw(ISSUE, {"e": s.event_id})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", anonymous
    assert await stored(client) == 0
    assert await mine(client, s.tokens["ana"]) == []


async def test_unknown_and_not_yet_started_events_are_typed_errors(client: Client) -> None:
    partner_id = await partner(client)
    door = await staff(client, partner_id, "door@lepe.example")
    upcoming = await event(client, door, partner_id, capacity=5)  # starts in 2027
    early = (await client.gql(ISSUE, {"e": upcoming}, door)
             )["programmeAttendanceCertificatesIssue"]
    assert early["issued"] == 0
    assert [(e["field"], e["code"]) for e in early["errors"]] == [("eventId", "NOT_STARTED")]
    gone = (await client.gql(ISSUE, {"e": encode_id("ProgrammeEvent", 999_999)}, door)
            )["programmeAttendanceCertificatesIssue"]
    assert [(e["field"], e["code"]) for e in gone["errors"]] == [("eventId", "NOT_FOUND")]
    wrong_type = (await client.gql(ISSUE, {"e": encode_id("Partner", partner_id)}, door)
                  )["programmeAttendanceCertificatesIssue"]
    assert [e["field"] for e in wrong_type["errors"]] == ["eventId"]
    assert await stored(client) == 0


async def test_the_holder_downloads_the_pdf_and_anyone_verifies_it(client: Client) -> None:
    s = await scene(client)
    await client.gql(ISSUE, {"e": s.event_id}, s.door)
    [ana] = await mine(client, s.tokens["ana"], "ES")
    response = await client.http.get(urlparse(ana["pdfUrl"]).path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = text_of(response.content)
    assert "Certificado de asistencia" in text and "Ana Quintero Vidal" in text
    assert TITLE in text and f"Organizado por: {ORGANISER}" in text
    assert ana["credentialId"] in text.replace("\n", "")
    forged = urlparse(ana["pdfUrl"]).path[:-3] + "xyz"
    assert (await client.http.get(forged)).status_code == 403
    assert "Ana Quintero Vidal" not in str(await mine(client, s.tokens["bruno"]))
    denied = await client.raw(MINE, {"l": None})
    assert denied["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

    result = await verified(client, ana["credentialId"])
    assert (result["valid"], result["reason"], result["kind"]) == (
        True, "VALID", "ATTENDANCE_CERTIFICATE")
    assert (result["eventName"], result["organiser"], result["courseName"]) == (
        TITLE, ORGANISER, None)
    assert result["attendedOn"] == ana["attendedOn"]
    assert result["recipientName"] == "Ana Quintero Vidal"
    page = await client.http.get(f"/verify?credential={ana['credentialId']}&lang=es")
    assert page.status_code == 200 and 'data-reason="VALID"' in page.text
    assert "Certificado de asistencia" in page.text and TITLE in page.text
    assert "Ana Quintero Vidal" in page.text and ORGANISER in page.text


async def test_certificates_are_among_the_users_credentials(client: Client) -> None:
    s = await scene(client)
    await client.gql(ISSUE, {"e": s.event_id}, s.door)
    user_id = decode_id((await client.gql(ME, token=s.tokens["ana"]))["me"]["id"], "User")
    answers = await gather_hook(client.runtime.plugins.hook.ruta_user_credentials,
                                runtime=client.runtime, user_id=user_id)
    [credential] = [c for answer in answers for c in answer]
    assert (credential["kind"], credential["title"]) == ("ATTENDANCE_CERTIFICATE", TITLE)
    assert (await verified(client, credential["token"]))["reason"] == "VALID"


async def test_erasing_the_account_removes_the_holders_name(client: Client) -> None:
    s = await scene(client)
    await client.gql(ISSUE, {"e": s.event_id}, s.door)
    [ana] = await mine(client, s.tokens["ana"])
    done = (await client.gql(DELETE, {"p": PASSWORD}, s.tokens["ana"]))["accountDelete"]
    assert done == {"ok": True, "errors": []}
    async with client.runtime.db.read() as session:
        rows = {row.credential_id: row for row in
                await session.scalars(select(AttendanceCertificate))}
    claims = jwt.decode(rows[ana["credentialId"]].token, options={"verify_signature": False})
    assert "identifier" not in claims["vc"]["credentialSubject"] and "sub" not in claims
    assert "Ana Quintero Vidal" not in str(claims)
    result = await verified(client, ana["credentialId"])
    assert (result["valid"], result["recipientName"], result["holderErased"]) == (
        True, None, True)
    assert result["eventName"] == TITLE
    others = [row for key, row in rows.items() if key != ana["credentialId"]]
    assert [r.title for r in others] == [TITLE]
    assert "Bruno Sales Faria" in str(jwt.decode(others[0].token,
                                                 options={"verify_signature": False}))
