"""A booked session is confirmed by e-mail over a real SMTP server, once, in the attendee's
language, with a valid ``.ics`` (built with ``icalendar`` and parsed back with it)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import icalendar
import pytest

from plugins.mentoring.reminders import remind_due
from tests.plugins.mentoring.test_bookings import next_monday_10
from tests.plugins.mentoring.test_profiles import BOOK, WEEKDAYS_9_TO_13, make_expert, offering
from tests.smtp_server import SMTPServer, smtp_server, text_of

LANGUAGE = """mutation { accountUpdate(input: { languageCode: ES }) { errors { code } } }"""


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


async def test_a_booking_is_confirmed_once_with_a_valid_ics(plugged: Any,
                                                            server: SMTPServer) -> None:
    async with plugged(installed=True, smtp_url=server.url) as client:
        token, expert = await make_expert(client, "mentor@example.com", plan=WEEKDAYS_9_TO_13)
        single = await offering(client, token, expert)
        start = await next_monday_10()
        attendee = await client.register("ana@example.com")
        assert (await client.gql(LANGUAGE, {}, attendee))["accountUpdate"]["errors"] == []
        booked = await client.gql(BOOK, {"o": single, "s": start}, attendee)
        assert booked["sessionBook"]["booking"]["status"] == "CONFIRMED"
        again = await client.gql(BOOK, {"o": single, "s": start}, attendee)
        assert again["sessionBook"]["errors"][0]["code"] == "ALREADY_BOOKED"
        mails = [m for m in server.inbox.messages
                 if m["X-Ruta-Message-Type"] == "booking_confirmed"]
        assert [m["To"] for m in mails] == ["ana@example.com"]
        [mail] = mails
        assert mail["Subject"].startswith("Reservado:")
        assert "10:00" in text_of(mail)  # Europe/Madrid (the attendee's country is ES)
        [part] = [p for p in mail.walk() if p.get_filename() == "session.ics"]
        assert part.get_content_type() == "text/calendar"
        calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
        [event] = calendar.walk("VEVENT")
        assert event.decoded("dtstart") == datetime.fromisoformat(start)
        assert str(event["status"]) == "CONFIRMED"
        assert str(event["uid"]).startswith("mentoring-booking-")
        assert str(calendar["method"]) == "REQUEST"


async def test_the_reminder_goes_once_24_hours_before(plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        token, expert = await make_expert(client, "mentor@example.com", plan=WEEKDAYS_9_TO_13)
        single = await offering(client, token, expert)
        start = datetime.fromisoformat(await next_monday_10())
        attendee = await client.register("ana@example.com")
        booked = await client.gql(BOOK, {"o": single, "s": start.isoformat()}, attendee)
        assert booked["sessionBook"]["booking"]["status"] == "CONFIRMED"
        runtime = client.runtime
        assert await remind_due(runtime, start - timedelta(hours=25)) == 0
        first = start - timedelta(hours=23)
        sent = await asyncio.gather(remind_due(runtime, first), remind_due(runtime, first))
        assert sorted(sent) == [0, 1]  # two workers at once: one reminder
        assert await remind_due(runtime, start - timedelta(hours=2)) == 0
        reminders = [m for m in server.inbox.messages
                     if m["X-Ruta-Message-Type"] == "booking_reminder"]
        assert [m["To"] for m in reminders] == ["ana@example.com"]
        assert reminders[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
