"""E-learning messages over a real SMTP server on loopback (aiosmtpd): a learner who buys
a course is told once that they are enrolled, and once that their certificate is issued,
with the credential id that ``certificateVerify`` checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from engine.plugins.api import hookimpl
from tests.plugins.elearning.test_certificates import certified
from tests.smtp_server import SMTPServer, smtp_server, text_of


class Recorder:
    def __init__(self) -> None:
        self.enrolled: list[int] = []
        self.certified: list[str] = []

    @hookimpl
    def ruta_course_enrolled(self, user_id: int, product_id: int, enrolment_id: int) -> None:
        self.enrolled.append(enrolment_id)

    @hookimpl
    def ruta_certificate_issued(self, user_id: int, certificate_id: int,
                                credential_id: str) -> None:
        self.certified.append(credential_id)


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


def mails(server: SMTPServer, kind: str) -> list[Any]:
    return [m for m in server.inbox.messages if m["X-Ruta-Message-Type"] == kind]


async def test_a_learner_is_told_of_the_enrolment_and_the_certificate_once_each(
        plugged: Any, server: SMTPServer) -> None:
    recorder = Recorder()
    async with plugged(recorder, smtp_url=server.url) as client:
        cert = await certified(client)
        await client.runtime.dispatcher.drain()
        [enrolled] = mails(server, "course_enrolled")
        assert enrolled["To"] == "learner@example.com"
        assert enrolled["Subject"] == "You are enrolled in Digital marketing"
        assert "/learn/" in text_of(enrolled)
        [issued] = mails(server, "certificate_issued")
        assert issued["To"] == "learner@example.com"
        assert issued["Subject"] == "Your certificate for Digital marketing"
        assert cert["credentialId"] in text_of(issued)
        assert len(recorder.enrolled) == 1 and recorder.certified == [cert["credentialId"]]
        assert issued["List-Unsubscribe"] is None  # transactional
