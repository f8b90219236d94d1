"""A 600-seat event under 800 registrations from 50 concurrent clients: exactly 600
confirmed, 200 waitlisted; cancellations promote the waitlist in order."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, select

from engine.plugins.api import decode_id, encode_id
from engine.testing.client import Client
from plugins.programme.event_models import Event, Registration
from tests.plugins.programme.setup import CANCEL, REGISTER, event, make_operator, partner, register


async def test_800_registrations_from_50_clients_never_overbook(plugged: Any) -> None:
    # a long lock wait: 50 writers queue on SQLite's single write lock instead of giving up
    # generous waits: the test is about counts, and CI runs test files side by side
    async with plugged(db_lock_timeout=120.0, db_pool_timeout=120.0) as client:
        await _race(client)


async def _race(client: Client) -> None:
    operator = await make_operator(client, "op@programme.example")
    event_id = await event(client, operator, await partner(client), capacity=600)
    gate = asyncio.Semaphore(50)

    async def one(n: int) -> str:
        async with gate:
            body = await client.raw(REGISTER, {"i": {"eventId": event_id, "name": f"P {n}",
                                                     "email": f"p{n}@example.com"}})
            assert "errors" not in body, body
            status: str = body["data"]["programmeEventRegister"]["registration"]["status"]
            return status

    statuses = await asyncio.gather(*(one(n) for n in range(800)))
    assert (statuses.count("CONFIRMED"), statuses.count("WAITLISTED")) == (600, 200)
    pk = decode_id(event_id, "ProgrammeEvent")
    async with client.runtime.db.read() as session:
        counted = dict((await session.execute(
            select(Registration.status, func.count()).where(Registration.event_id == pk)
            .group_by(Registration.status))).all())
        assert counted == {"CONFIRMED": 600, "WAITLISTED": 200}
        assert await session.scalar(select(Event.confirmed).where(Event.id == pk)) == 600
        confirmed = list(await session.scalars(
            select(Registration.id).where(Registration.status == "CONFIRMED")
            .order_by(Registration.id).limit(10)))
        queue = list(await session.scalars(
            select(Registration.id).where(Registration.status == "WAITLISTED")
            .order_by(Registration.id).limit(10)))
    promoted = []
    for reg_id in confirmed:
        reg = encode_id("ProgrammeRegistration", reg_id)
        data = await client.gql(CANCEL, {"id": reg}, operator)
        result = data["programmeRegistrationCancel"]
        assert result["registration"]["status"] == "CANCELLED"
        promoted.append(decode_id(result["promotedId"], "ProgrammeRegistration"))
    assert promoted == queue  # the ten oldest waitlisted, in order
    async with client.runtime.db.read() as session:
        counted = dict((await session.execute(
            select(Registration.status, func.count()).where(Registration.event_id == pk)
            .group_by(Registration.status))).all())
    assert counted == {"CONFIRMED": 600, "WAITLISTED": 190, "CANCELLED": 10}


async def test_required_questions_and_anonymous_cancel(client: Client) -> None:
    operator = await make_operator(client, "op2@programme.example")
    event_id = await event(client, operator, await partner(client), capacity=2, questions=[
        {"key": "language", "label": "Your language", "required": True},
        {"key": "access", "label": "Accessibility needs", "required": False}])
    missing = await register(client, event_id, 1, {"access": "wheelchair"})
    assert missing == {"registration": None, "errors": [{"field": "answers",
                                                          "code": "REQUIRED"}]}
    unknown = await register(client, event_id, 1, {"language": "ar", "shoe": "42"})
    assert unknown["errors"] == [{"field": "answers", "code": "INVALID"}]
    ok = await register(client, event_id, 1, {"language": "ar"})
    assert ok["registration"]["status"] == "CONFIRMED"
    assert ok["registration"]["ticket"]["qrSvg"].startswith("data:image/svg+xml")
    anonymous = await client.raw(CANCEL, {"id": ok["registration"]["id"]})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
