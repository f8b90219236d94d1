"""The ticket e-mail of a programme event, over a real SMTP server on loopback (aiosmtpd):
a confirmed seat sends exactly one ``event_ticket`` to the account's address in its language
and time zone, with the door code, the event's .ics and the QR code as a PNG that decodes to
the registration's signed secret; a waitlisted registration gets none until it is promoted;
redelivering the events sends nothing more."""

from __future__ import annotations

import io
from collections.abc import Iterator
from email.message import EmailMessage, Message
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import update

from engine.events.models import OutboxDelivery
from engine.plugins.api import decode_id
from plugins.programme import tickets
from tests.plugins.programme.setup import CANCEL, REGISTER, event, make_operator, partner
from tests.smtp_server import SMTPServer, smtp_server, text_of

UPDATE = "mutation { accountUpdate(input: { languageCode: %s, country: %s }) { errors { code } } }"
SPANISH, PORTUGUESE = UPDATE % ("ES", "ES"), UPDATE % ("PT", "PT")


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


def tickets_sent(server: SMTPServer) -> list[Message]:
    return [m for m in server.inbox.messages if m["X-Ruta-Message-Type"] == "event_ticket"]


def attachment(message: Message, filename: str) -> bytes:
    assert isinstance(message, EmailMessage)
    for part in message.iter_attachments():
        if part.get_filename() == filename:
            data = part.get_payload(decode=True)
            assert isinstance(data, bytes)
            return data
    raise AssertionError(f"no {filename} in {message.get_content_type()}")


def qr_text(png: bytes) -> str:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))
    assert len(found) == 1 and found[0].format == zxingcpp.BarcodeFormat.QRCode
    return str(found[0].text)


async def redeliver_everything(client: Any) -> None:
    """Every outbox delivery runs again, as after a crash before it was marked done."""
    async with client.runtime.db.write() as session:
        await session.execute(update(OutboxDelivery).values(status="pending", delivered_at=None,
                                                            claimed_until=None))
    await client.runtime.dispatcher.drain()


async def test_a_confirmed_seat_gets_one_ticket_with_a_qr_that_decodes_to_its_secret(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        operator = await make_operator(client, "op@programme.example")
        event_id = await event(client, operator, await partner(client), capacity=5)
        lucia = await client.register("lucia@example.com")
        await client.gql(SPANISH, token=lucia)
        data = await client.gql(REGISTER, {"i": {"eventId": event_id, "name": "Lucía Pérez",
                                                 "email": "other@example.com"}}, lucia)
        registration = data["programmeEventRegister"]["registration"]
        assert registration["status"] == "CONFIRMED"
        await client.runtime.dispatcher.drain()
        [sent] = tickets_sent(server)
        assert (sent["To"], sent["Content-Language"]) == ("lucia@example.com", "es")
        assert sent["Subject"] == "Tu entrada: Feria de emprendimiento"
        text = text_of(sent)
        assert "Hola, Lucía Pérez:" in text
        assert "10 de marzo de 2027" in text and "10:00" in text  # 09:00 UTC in Madrid
        assert "https://meet.example/feria" in text
        door = tickets.door_code(client.runtime.settings.secret_key,
                                 decode_id(registration["id"], "ProgrammeRegistration"))
        assert f"Código de acceso (si no se puede leer el QR): {door}" in text
        assert "«Mis entradas»" in text
        assert qr_text(attachment(sent, "ticket.png")) == registration["ticket"]["secret"]
        ics = attachment(sent, "event.ics").decode()
        assert "SUMMARY:Feria de emprendimiento" in ics and "DTSTART:20270310T090000Z" in ics

        await redeliver_everything(client)
        assert len(tickets_sent(server)) == 1


async def test_a_waitlisted_attendee_gets_the_ticket_only_once_promoted(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        operator = await make_operator(client, "op@programme.example")
        event_id = await event(client, operator, await partner(client), capacity=1)
        maria = await client.register("maria@example.com")
        await client.gql(PORTUGUESE, token=maria)
        await client.gql('mutation { accountUpdate(input: { timeZone: "Atlantic/Azores" }) '
                         '{ errors { code } } }', token=maria)  # her own choice wins

        async def register(name: str, email: str, token: str | None = None) -> dict[str, Any]:
            data = await client.gql(REGISTER, {"i": {"eventId": event_id, "name": name,
                                                     "email": email}}, token)
            found: dict[str, Any] = data["programmeEventRegister"]["registration"]
            return found

        first = await register("Ana", "ana@example.com")  # a guest: her address, English
        waiting = await register("Maria", "maria@example.com", maria)
        assert waiting["status"] == "WAITLISTED" and waiting["ticket"] is None
        await client.runtime.dispatcher.drain()
        assert [(m["To"], m["Content-Language"], m["Subject"]) for m in tickets_sent(server)] \
            == [("ana@example.com", "en", "Your ticket: Feria de emprendimiento")]
        assert "My tickets" not in text_of(tickets_sent(server)[0])  # no account

        await client.gql(CANCEL, {"id": first["id"]}, operator)
        await client.runtime.dispatcher.drain()
        sent = tickets_sent(server)
        assert [(m["To"], m["Content-Language"]) for m in sent] == [
            ("ana@example.com", "en"), ("maria@example.com", "pt")]
        assert sent[1]["Subject"] == "O seu bilhete: Feria de emprendimiento"
        assert "08:00" in text_of(sent[1])  # 09:00 UTC in the Azores, her account's zone
        mine = await client.gql("{ myProgrammeRegistrations { status ticket { secret } } }",
                                token=maria)
        [seat] = mine["myProgrammeRegistrations"]
        assert seat["status"] == "CONFIRMED"
        assert qr_text(attachment(sent[1], "ticket.png")) == seat["ticket"]["secret"]

        await redeliver_everything(client)
        assert len(tickets_sent(server)) == 2
