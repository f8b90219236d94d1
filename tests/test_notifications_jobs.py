"""The jobs plugin's e-mails over a real SMTP server on loopback (aiosmtpd): the candidate
hears of each application status change in the application's language; an announcement
reaches exactly the opted-in members of its segment, once each, in their language, with
RFC 8058 one-click unsubscribe headers; a one-click ``POST`` to that link (no sign-in)
stops the next announcement, and subscribing again brings them back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest

from engine.plugins.api import hookimpl
from tests.client import Client
from tests.plugins.jobs.scenario import ERR, MOVE, candidate, offer
from tests.plugins.jobs.test_announcements import CREATE, OPT_IN, SEND, TEST, member
from tests.smtp_server import SMTPServer, html_of, smtp_server, text_of

APPLY_PT = f"""mutation($o: ID!) {{ jobApply(offerId: $o, language: "PT") {{
  application {{ id status }} {ERR} }} }}"""


class Recorder:
    def __init__(self) -> None:
        self.unsubscribed: list[tuple[int, str]] = []

    @hookimpl
    def ruta_notification_unsubscribed(self, user_id: int, category: str) -> None:
        self.unsubscribed.append((user_id, category))


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


def mails(server: SMTPServer, kind: str) -> list[Any]:
    return [m for m in server.inbox.messages if m["X-Ruta-Message-Type"] == kind]


async def test_the_candidate_hears_of_each_status_change_in_the_applications_language(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        employer, _ = await client.vendor("hotel@example.com", "Hotel Faro")
        offer_id = await offer(client, employer, title="Recepcionista")
        joao = await candidate(client, "joao@example.com")
        applied = await client.gql(APPLY_PT, {"o": offer_id}, joao)
        application = applied["jobApply"]["application"]["id"]
        moved = await client.gql(MOVE, {"id": application, "s": "SHORTLISTED",
                                        "m": "Venha na terça às 10h."}, employer)
        assert moved["jobApplicationSetStatus"]["errors"] == []
        await client.runtime.dispatcher.drain()
        sent = mails(server, "job_application_changed")
        assert [m["To"] for m in sent] == ["joao@example.com"] * 2
        assert {m["Content-Language"] for m in sent} == {"pt"}
        assert sorted(m["Subject"] for m in sent) == [
            "A sua candidatura a Recepcionista: pré-selecionada",
            "A sua candidatura a Recepcionista: recebida"]
        shortlisted = next(m for m in sent if "pré-selecionada" in m["Subject"])
        assert "Hotel Faro" in text_of(shortlisted)
        assert "Venha na terça às 10h." in text_of(shortlisted)
        assert mails(server, "job_announcement") == []


async def announce(client: Client, op: str) -> str:
    created = await client.gql(CREATE, {"s": {"region": "huelva"}}, op)
    ann: str = created["announcementCreate"]["announcement"]["id"]
    return ann


async def test_announcements_reach_opted_in_members_once_and_one_click_stops_them(
        plugged: Any, server: SMTPServer) -> None:
    recorder = Recorder()
    async with plugged(recorder, smtp_url=server.url) as client:
        op = await client.operator()
        await member(client, "ana@example.com", language="ES", region="huelva")
        joao = await client.register("joao@example.com")
        await client.gql(OPT_IN, {"f": {"language": "PT", "region": "huelva"}}, joao)
        await member(client, "ola@example.com", language="EN", region="huelva")
        await member(client, "faro@example.com", language="PT", region="faro")
        await client.register("never@example.com")  # never opted in
        first = await announce(client, op)
        await client.gql(TEST, {"id": first}, op)
        sent = await client.gql(SEND, {"id": first}, op)
        assert sent["announcementSend"]["announcement"]["recipients"] == 3
        await client.runtime.dispatcher.drain()
        got = mails(server, "job_announcement")
        by_to = {m["To"]: m for m in got}
        assert sorted(m["To"] for m in got) == [
            "ana@example.com", "joao@example.com", "ola@example.com", "operator@test.example"]
        assert by_to["operator@test.example"]["Subject"] == "[TEST] Job fair"
        assert (by_to["ana@example.com"]["Subject"], by_to["ana@example.com"][
            "Content-Language"]) == ("Feria de empleo", "es")
        pt = by_to["joao@example.com"]
        assert (pt["Subject"], pt["Content-Language"]) == ("Feira de emprego", "pt")
        assert "See you there" in text_of(pt)  # no Portuguese body: English
        assert pt["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        link = pt["List-Unsubscribe"].strip("<>")
        assert link in text_of(pt) and link in html_of(pt).replace("&amp;", "&")
        path = urlparse(link)
        target = f"{path.path}?{path.query}"
        looked = await client.http.get(target)  # a link scanner's GET changes nothing
        assert looked.status_code == 200 and recorder.unsubscribed == []
        clicked = await client.http.post(target, content=b"List-Unsubscribe=One-Click",
                                         headers={"content-type":
                                                  "application/x-www-form-urlencoded"})
        assert clicked.status_code == 200
        await client.runtime.dispatcher.drain()
        assert [category for _, category in recorder.unsubscribed] == ["ANNOUNCEMENT"]

        second = await announce(client, op)
        again = await client.gql(SEND, {"id": second}, op)
        assert again["announcementSend"]["announcement"]["recipients"] == 2
        await client.runtime.dispatcher.drain()
        got = mails(server, "job_announcement")
        assert sorted(m["To"] for m in got[4:]) == ["ana@example.com", "ola@example.com"]

        await client.gql(OPT_IN, {"f": {"language": "PT", "region": "huelva"}}, joao)
        third = await announce(client, op)
        await client.gql(SEND, {"id": third}, op)
        await client.runtime.dispatcher.drain()
        got = mails(server, "job_announcement")
        assert sorted(m["To"] for m in got[6:]) == [
            "ana@example.com", "joao@example.com", "ola@example.com"]
