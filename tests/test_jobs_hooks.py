"""The hooks the jobs plugin records and asks: a plugin hears every application change,
each hire and each queued announcement after commit, and answers credentials."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from engine.plugins.api import hookimpl
from tests.plugins.jobs.scenario import MOVE, PROFILE, apply, candidate, offer

ANNOUNCE = """mutation { announcementCreate(kind: "EVENT", subject: {en: "Open day"},
  body: {en: "Come"}, segment: {}) { announcement { id } } }"""


class Listener:
    def __init__(self) -> None:
        self.heard: list[tuple[str, Any]] = []

    @hookimpl
    def ruta_job_application_changed(self, status: str, message: str) -> None:
        self.heard.append(("changed", (status, message)))

    @hookimpl
    async def ruta_job_hired(self, event_id: int, occurred_at: datetime,
                             employer_vendor_id: int, candidate_user_id: int,
                             application_id: int) -> None:
        self.heard.append(("hired", (employer_vendor_id > 0, candidate_user_id > 0)))

    @hookimpl
    def ruta_announcement_queued(self, user_id: int, subject: str, test: bool) -> None:
        self.heard.append(("announcement", (subject, test)))

    @hookimpl
    async def ruta_user_credentials(self, user_id: int) -> list[dict[str, Any]]:
        return [{"kind": "BADGE", "title": "Food handler", "credential_id": f"b-{user_id}",
                 "issued_at": "2026-11-01T10:00:00+00:00", "token": None}]


async def test_a_listener_hears_each_change_the_hire_and_announcements(plugged: Any) -> None:
    listener = Listener()
    async with plugged(listener) as client:
        employer, _ = await client.vendor("bar@example.com", "Bar")
        offer_id = await offer(client, employer)
        ana = await candidate(client, "ana@example.com")
        application = await apply(client, ana, offer_id)
        for status in ("INTERVIEW", "OFFERED", "HIRED"):
            await client.gql(MOVE, {"id": application, "s": status, "m": status.lower()},
                             employer)
        op = await client.operator()
        created = await client.gql(ANNOUNCE, token=op)
        await client.gql("mutation($id: ID!) { announcementTestSend(id: $id) { ok } }",
                         {"id": created["announcementCreate"]["announcement"]["id"]}, op)
        await client.runtime.dispatcher.drain()
    assert listener.heard == [
        ("changed", ("RECEIVED", "")), ("changed", ("INTERVIEW", "interview")),
        ("changed", ("OFFERED", "offered")), ("changed", ("HIRED", "hired")),
        ("hired", (True, True)), ("announcement", ("Open day", True))]


async def test_credentials_come_from_every_plugin_that_answers(plugged: Any) -> None:
    async with plugged(Listener()) as client:
        token = await client.register("lia@example.com")
        await client.gql(PROFILE, {"i": {"displayName": "Lia", "shareCredentials": True}},
                         token)
        shown = await client.gql("query { candidateCredentials { kind title issuedAt } }",
                                 token=token)
    assert shown["candidateCredentials"] == [
        {"kind": "BADGE", "title": "Food handler", "issuedAt": "2026-11-01T10:00:00+00:00"}]
