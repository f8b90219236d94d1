"""A programme event's waitlist: when a seat is freed, the oldest waitlisted attendee is told
once over a real SMTP server on loopback (aiosmtpd), in their account's language (English
for a guest who registered with an e-mail only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from engine.plugins.api import hookimpl
from tests.plugins.programme.setup import CANCEL, REGISTER, event, make_operator, partner
from tests.smtp_server import SMTPServer, smtp_server, text_of

LANGUAGE = "mutation { accountUpdate(input: { languageCode: PT }) { errors { code } } }"


class Recorder:
    def __init__(self) -> None:
        self.promoted: list[tuple[int, int | None]] = []

    @hookimpl
    def ruta_event_registration_promoted(self, registration_id: int,
                                         user_id: int | None) -> None:
        self.promoted.append((registration_id, user_id))


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


async def test_the_waitlisted_attendee_who_gets_the_seat_is_told_once(
        plugged: Any, server: SMTPServer) -> None:
    recorder = Recorder()
    async with plugged(recorder, smtp_url=server.url) as client:
        operator = await make_operator(client, "op@programme.example")
        event_id = await event(client, operator, await partner(client), capacity=1)
        maria = await client.register("maria@example.com")
        await client.gql(LANGUAGE, token=maria)

        async def register(name: str, email: str, token: str | None = None) -> dict[str, Any]:
            data = await client.gql(REGISTER, {"i": {"eventId": event_id, "name": name,
                                                     "email": email}}, token)
            found: dict[str, Any] = data["programmeEventRegister"]["registration"]
            return found

        first = await register("Ana", "ana@example.com")
        assert (await register("Maria", "maria@example.com", maria))["status"] == "WAITLISTED"
        assert (await register("Guest", "guest@example.com"))["status"] == "WAITLISTED"
        await client.gql(CANCEL, {"id": first["id"]}, operator)
        await client.runtime.dispatcher.drain()
        sent = [m for m in server.inbox.messages
                if m["X-Ruta-Message-Type"] == "event_waitlist_promoted"]
        assert [(m["To"], m["Content-Language"]) for m in sent] == [("maria@example.com", "pt")]
        assert sent[0]["Subject"] == "Tem lugar: Feria de emprendimiento"
        assert "https://meet.example/feria" in text_of(sent[0])
        assert len(recorder.promoted) == 1 and recorder.promoted[0][1] is not None

        mine = await client.gql("{ myProgrammeRegistrations { id status } }", token=maria)
        [seat] = [r for r in mine["myProgrammeRegistrations"] if r["status"] == "CONFIRMED"]
        await client.gql(CANCEL, {"id": seat["id"]}, maria)
        await client.runtime.dispatcher.drain()
        sent = [m for m in server.inbox.messages
                if m["X-Ruta-Message-Type"] == "event_waitlist_promoted"]
        assert [(m["To"], m["Content-Language"]) for m in sent][1:] == [
            ("guest@example.com", "en")]
        assert sent[1]["Subject"] == "You have a seat: Feria de emprendimiento"
        assert recorder.promoted[1][1] is None  # a guest
