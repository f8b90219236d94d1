"""The drop-out ladder reaches people: with an explicit clock, NUDGE goes to the learner,
MENTOR to the mentor the learner shares progress with (only with that consent) and
COORDINATOR to the programme's staff, once each, over a real SMTP server; the nudge has a
one-click unsubscribe link that works without logging in."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from engine.accounts.models import User
from engine.plugins.api import Recipient, hookimpl, notify
from plugins.elearning.rescue import run_ladder
from tests.client import Client
from tests.plugins.elearning.test_enrolment import drain
from tests.plugins.elearning.test_progress import enrolled
from tests.plugins.elearning.test_rescue import enrolled_at
from tests.smtp_server import SMTPServer, smtp_server, text_of


class Consent:
    def __init__(self) -> None:
        self.mentors: list[int] = []

    @hookimpl
    async def ruta_progress_shared_with(self, learner_id: int) -> Sequence[int] | None:
        return self.mentors or None


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


async def user_id(client: Client, email: str) -> int:
    async with client.runtime.db.read() as session:
        found = await session.scalar(select(User.id).where(User.email == email))
        assert found is not None
        return found


def received(server: SMTPServer) -> list[tuple[str, str]]:
    kinds = ("learner_nudge", "learner_at_risk_mentor", "learner_at_risk_coordinator")
    return [(m["X-Ruta-Message-Type"], m["To"]) for m in server.inbox.messages
            if m["X-Ruta-Message-Type"] in kinds]


async def climb(client: Client, days: int) -> None:
    start = await enrolled_at(client)
    await run_ladder(client.runtime, start + timedelta(days=days))
    await run_ladder(client.runtime, start + timedelta(days=days))  # a second worker
    await drain(client)


async def test_the_ladder_reaches_learner_mentor_and_coordinator_once_each(
        plugged: Any, server: SMTPServer) -> None:
    consent = Consent()
    async with plugged(consent, smtp_url=server.url) as client:
        await client.register("mentor@example.com")
        consent.mentors = [await user_id(client, "mentor@example.com")]
        await client.operator("coordinator@example.com")
        await enrolled(client)
        for days in (3, 3, 7, 7, 14, 14):
            await climb(client, days)
        got = received(server)
        assert got.count(("learner_nudge", "learner@example.com")) == 1
        assert got.count(("learner_at_risk_mentor", "mentor@example.com")) == 1
        assert got.count(("learner_at_risk_coordinator", "coordinator@example.com")) == 1
        assert len([kind for kind, _ in got if kind == "learner_nudge"]) == 1
        assert len([kind for kind, _ in got if kind == "learner_at_risk_mentor"]) == 1
        mentor_mail = next(m for m in server.inbox.messages
                           if m["X-Ruta-Message-Type"] == "learner_at_risk_mentor")
        assert "learner@example.com" in text_of(mentor_mail)


async def test_no_mentor_message_without_consent_and_one_click_unsubscribe(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(Consent(), smtp_url=server.url) as client:
        await client.register("mentor@example.com")
        await enrolled(client)
        for days in (3, 7, 14):
            await climb(client, days)
        got = received(server)
        assert [kind for kind, _ in got].count("learner_at_risk_mentor") == 0
        [nudge] = [m for m in server.inbox.messages
                   if m["X-Ruta-Message-Type"] == "learner_nudge"]
        assert nudge["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        url = urlsplit(nudge["List-Unsubscribe"].strip("<>"))
        target = f"{url.path}?{url.query}"
        page = await client.http.get(target)  # a link scanner's GET changes nothing
        assert page.status_code == 200 and "<form" in page.text
        learner = await user_id(client, "learner@example.com")
        context = {"course": "C", "learner": "l", "course_url": "u", "signals": []}
        assert await notify(client.runtime, "learner_nudge", "test:1",
                            [Recipient(user_id=learner, context=context)]) == 1
        done = await client.http.post(target)  # what the mail client sends, no login
        assert done.status_code == 200 and done.json() == {"unsubscribed": "NUDGE"}
        assert await notify(client.runtime, "learner_nudge", "test:2",
                            [Recipient(user_id=learner, context=context)]) == 0
        forged = await client.http.post(target[:-3] + "xyz")
        assert forged.status_code == 403
