"""Mentoring messages over a real SMTP server on loopback (aiosmtpd), each fed by its
lifecycle event: a waitlisted attendee gets the freed seat and is told once; the expert
cancelling a session tells each attendee what is refunded (nothing for a free seat, the
full price for a paid one); a funding request's requester hears of each status change, in
their language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from engine.plugins.api import hookimpl
from tests.client import Client
from tests.plugins.mentoring.test_bookings import MINE, paid_session, soon
from tests.plugins.mentoring.test_funding import INPUT, MOVE, OPEN, PICK
from tests.plugins.mentoring.test_profiles import BOOK, CANCEL, ERR, SCHEDULE, make_expert, offering
from tests.smtp_server import SMTPServer, smtp_server, text_of

LANGUAGE = "mutation($l: LanguageCodeEnum!) { accountUpdate(input: { languageCode: $l }) { " \
           "errors { code } } }"
SESSION_CANCEL = f"mutation($id: ID!) {{ sessionCancel(id: $id) {{ session {{ status }} {ERR} }} }}"


class Recorder:
    """Records the lifecycle events these messages are fed by."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []

    @hookimpl
    def ruta_booking_promoted(self, booking_id: int, user_id: int, session_id: int) -> None:
        self.events.append(("promoted", {"booking_id": booking_id, "user_id": user_id}))

    @hookimpl
    def ruta_session_cancelled(self, occurred_at: datetime, booking_id: int,
                               refund: str) -> None:
        self.events.append(("cancelled", {"booking_id": booking_id, "refund": refund}))

    @hookimpl
    def ruta_funding_status_changed(self, request_id: int, status: str) -> None:
        self.events.append(("funding", {"status": status}))


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


def mails(server: SMTPServer, kind: str) -> list[Any]:
    return [m for m in server.inbox.messages if m["X-Ruta-Message-Type"] == kind]


async def speaker(client: Client, email: str, language: str) -> str:
    token = await client.register(email)
    done = await client.gql(LANGUAGE, {"l": language}, token)
    assert done["accountUpdate"]["errors"] == []
    return token


async def test_a_freed_seat_goes_to_the_waitlist_who_is_told_then_the_cancellation(
        plugged: Any, server: SMTPServer) -> None:
    recorder = Recorder()
    async with plugged(recorder, smtp_url=server.url) as client:
        token, expert = await make_expert(client, "group@example.com")
        group = await offering(client, token, expert, isGroup=True, seats=1, title="Taller")
        start = soon(72)
        session = (await client.gql(SCHEDULE, {"o": group, "s": start}, token)
                   )["sessionSchedule"]["session"]
        first = await speaker(client, "ana@example.com", "ES")
        waiting = await speaker(client, "joao@example.com", "PT")
        assert (await client.gql(BOOK, {"o": group, "s": start}, first)
                )["sessionBook"]["booking"]["status"] == "CONFIRMED"
        assert (await client.gql(BOOK, {"o": group, "s": start}, waiting)
                )["sessionBook"]["booking"]["status"] == "WAITLISTED"
        assert mails(server, "booking_promoted") == []
        mine = (await client.gql(MINE, token=first))["myMentoringBookings"][0]
        await client.gql(CANCEL, {"id": mine["id"]}, first)
        await client.runtime.dispatcher.drain()
        [promoted] = mails(server, "booking_promoted")
        assert promoted["To"] == "joao@example.com"
        assert promoted["Content-Language"] == "pt"
        assert promoted["Subject"].startswith("Tem lugar: Taller")
        assert "lista de espera" in text_of(promoted)
        assert [kind for kind, _ in recorder.events] == ["promoted"]

        cancelled = await client.gql(SESSION_CANCEL, {"id": session["id"]}, token)
        assert cancelled["sessionCancel"]["session"]["status"] == "CANCELLED"
        await client.runtime.dispatcher.drain()
        [notice] = mails(server, "session_cancelled")  # Ana had already cancelled
        assert notice["To"] == "joao@example.com"
        assert notice["Subject"].startswith("Sessão cancelada: Taller")
        assert "Não lhe foi cobrado nada" in text_of(notice)
        assert ("cancelled", {"booking_id": recorder.events[0][1]["booking_id"],
                              "refund": "0.00"}) in recorder.events


async def test_an_expert_cancelling_a_paid_session_tells_the_buyer_the_refund(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        buyer = await speaker(client, "buyer@example.com", "ES")
        staff, session_id, _ = await paid_session(client, 72, buyer)
        done = await client.gql(SESSION_CANCEL, {"id": session_id}, staff)
        assert done["sessionCancel"]["errors"] == []
        await client.runtime.dispatcher.drain()
        [notice] = mails(server, "session_cancelled")
        assert notice["To"] == "buyer@example.com"
        assert notice["Subject"].startswith("Sesión cancelada:")
        assert "Te devolvemos 40,00\xa0€" in text_of(notice)


async def test_the_requester_hears_of_each_funding_status_change(
        plugged: Any, server: SMTPServer) -> None:
    recorder = Recorder()
    async with plugged(recorder, smtp_url=server.url) as client:
        founder = await speaker(client, "founder@example.com", "PT")
        request = (await client.gql(OPEN, {"i": INPUT}, founder)
                   )["fundingRequestOpen"]["fundingRequest"]
        advisor, _ = await make_expert(client, "advisor@example.com", kind="FUNDING")
        await client.gql(PICK, {"id": request["id"]}, advisor)
        for status in ("SUBMITTED_TO_FUNDER", "GRANTED"):
            moved = await client.gql(MOVE, {"id": request["id"], "s": status}, advisor)
            assert moved["fundingRequestMove"]["errors"] == []
        await client.runtime.dispatcher.drain()
        sent = mails(server, "funding_status_changed")
        assert {m["To"] for m in sent} == {"founder@example.com"}
        assert [m["Subject"] for m in sent] == [
            "O seu pedido de financiamento: em análise por um consultor",
            "O seu pedido de financiamento: submetido ao financiador",
            "O seu pedido de financiamento: aprovado"]
        assert "25\xa0000,50\xa0€" in text_of(sent[-1])
        assert [e["status"] for kind, e in recorder.events if kind == "funding"] == [
            "IN_REVIEW", "SUBMITTED_TO_FUNDER", "GRANTED"]
