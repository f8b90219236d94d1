"""Shared set-up for the programme tests: a partner with staff and an event."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from engine.accounts.models import User
from engine.plugins.api import encode_id
from engine.testing.client import Client
from plugins.programme.models import Partner, PartnerStaff

CREATE_EVENT = """mutation($i: ProgrammeEventInput!) { programmeEventCreate(input: $i) {
  event { id capacity } errors { field code } } }"""
REGISTER = """mutation($i: EventRegisterInput!) { programmeEventRegister(input: $i) {
  registration { id status waitlistPosition ticket { secret qrSvg } } errors { field code } } }"""
CANCEL = """mutation($id: ID!) { programmeRegistrationCancel(id: $id) {
  registration { status } promotedId errors { code } } }"""
NEW_LIST = """mutation($e: ID!, $n: String!, $x: Boolean!) {
  checkinListCreate(eventId: $e, name: $n, allowExit: $x) {
    checkinList { id } errors { code } } }"""
CHECK_IN = """mutation($s: String!, $l: ID!, $n: String!, $x: Boolean!) {
  checkIn(secret: $s, listId: $l, nonce: $n, exit: $x) { ok reason direction } }"""


async def partner(client: Client, name: str = "Ayuntamiento de Lepe", country: str = "ES",
                  region: str = "Huelva", kind: str = "COUNCIL") -> int:
    async with client.runtime.db.write() as session:
        row = Partner(name=name, kind=kind, country=country, region=region)
        session.add(row)
        await session.flush()
        return row.id


async def staff(client: Client, partner_id: int, email: str) -> str:
    token = await client.register(email)
    async with client.runtime.db.write() as session:
        user_id = await session.scalar(select(User.id).where(User.email == email))
        assert user_id is not None
        session.add(PartnerStaff(partner_id=partner_id, user_id=user_id))
    return token


async def make_operator(client: Client, email: str) -> str:
    token = await client.register(email)
    async with client.runtime.db.write() as session:
        await session.execute(update(User).where(User.email == email).values(is_operator=True))
    return token


async def event(client: Client, token: str, partner_id: int, capacity: int,
                questions: list[dict[str, Any]] | None = None) -> str:
    data = await client.gql(CREATE_EVENT, {"i": {
        "partnerId": encode_id("Partner", partner_id), "title": "Feria de emprendimiento",
        "capacity": capacity, "questions": questions or [],
        "sessions": [{"startsAt": "2027-03-10T09:00:00+00:00",
                      "endsAt": "2027-03-10T14:00:00+00:00",
                      "onlineUrl": "https://meet.example/feria"}]}}, token)
    assert data["programmeEventCreate"]["errors"] == [], data
    event_id: str = data["programmeEventCreate"]["event"]["id"]
    return event_id


async def register(client: Client, event_id: str, n: int,
                   answers: dict[str, str] | None = None) -> dict[str, Any]:
    data = await client.gql(REGISTER, {"i": {"eventId": event_id, "name": f"Attendee {n}",
                                             "email": f"a{n}@example.com",
                                             "answers": answers or {}}})
    result: dict[str, Any] = data["programmeEventRegister"]
    return result
