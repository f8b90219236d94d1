"""The messages learners and attendees receive in this round render in all seven
languages (es, pt, en, fr, ar, ro, uk) without falling back to English, with Babel money
for the locale and right-to-left HTML for Arabic (a funding request's moves and the job
e-mails too); the others in es, pt and en."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from engine.notifications.core_types import CORE_TYPES
from engine.notifications.render import available, render
from plugins.elearning.event_notices import EVENT_MESSAGES as LEARNING
from plugins.jobs.notices import MESSAGE_TYPES as JOBS
from plugins.mentoring.event_notices import EVENT_MESSAGES as MENTORING
from plugins.programme.notices import MESSAGE_TYPES as PROGRAMME

SEVEN = ("es", "pt", "en", "fr", "ar", "ro", "uk")
TYPES = {t.code: t for t in (*LEARNING, *MENTORING, *PROGRAMME, *JOBS, *CORE_TYPES)}
WHEN = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
CONTEXT: dict[str, dict[str, Any]] = {
    "booking_promoted": {"title": "Taller X", "expert": "Ana", "starts_at": WHEN,
                         "location": None},
    "session_cancelled": {"title": "Taller X", "expert": "Ana", "starts_at": WHEN,
                          "location": None, "refund": Decimal("40.00")},
    "course_enrolled": {"course": "Taller X", "course_url": "https://r.example/learn/1"},
    "certificate_issued": {"course": "Taller X", "course_url": "https://r.example/learn/1",
                           "credential_id": "urn:uuid:1"},
    "event_waitlist_promoted": {"title": "Taller X", "name": "Ana", "starts_at": WHEN,
                                "online_url": "https://meet.example/x"},
    "funding_status_changed": {"project": "Taller X", "status": "GRANTED",
                               "amount": Decimal("25000.50")},
    "payout_sent": {"amount": Decimal("19.35"), "number": "7", "vendor_name": "Taller X"},
    "job_application_changed": {"title": "Taller X", "status": "SHORTLISTED", "message": "",
                                "employer": "Hotel"},
    "job_announcement": {"subject": "Taller X", "body": "Hola", "test": False,
                         "unsubscribe_url": "https://r.example/u"},
}
RECEIVED_BY_LEARNERS = ("booking_promoted", "session_cancelled", "course_enrolled",
                        "certificate_issued", "event_waitlist_promoted",
                        "funding_status_changed", "job_application_changed",
                        "job_announcement")


@pytest.mark.parametrize("code", sorted(CONTEXT))
def test_each_new_message_renders_in_its_languages(code: str) -> None:
    spec = TYPES[code]
    languages = SEVEN if code in RECEIVED_BY_LEARNERS else ("es", "pt", "en")
    texts = set()
    for lang in languages:
        assert available(spec.templates, lang) == lang, f"{code} has no {lang}.j2"
        done = render(spec.templates, lang.upper(), "Europe/Madrid",
                      {**CONTEXT[code], "public_url": "https://r.example"})
        assert done.language == lang.upper() and "Taller X" in done.subject + done.text
        assert done.text and done.html.count("<p") >= 1
        texts.add(done.text)
    assert len(texts) == len(languages)  # really translated, not copies


def test_amounts_and_direction_follow_the_recipients_locale() -> None:
    cancelled = TYPES["session_cancelled"].templates
    context = {**CONTEXT["session_cancelled"], "public_url": "https://r.example"}
    assert "40,00\xa0€" in render(cancelled, "FR", "Europe/Paris", context).text
    assert "40,00\xa0EUR" in render(cancelled, "RO", "Europe/Bucharest", context).text
    assert "€40.00" in render(cancelled, "EN", "Europe/London", context).text
    arabic = render(cancelled, "AR", "Africa/Casablanca", context)
    assert 'dir="rtl"' in arabic.html
    assert "10:00" in render(cancelled, "ES", "Europe/Madrid", context).text  # 09:00 UTC
    funding = TYPES["funding_status_changed"].templates
    context = {**CONTEXT["funding_status_changed"], "public_url": "https://r.example"}
    assert "accordée" in render(funding, "FR", "Europe/Paris", context).subject
    assert "25\u202f000,50\xa0€" in render(funding, "FR", "Europe/Paris", context).text
    assert "схвалено" in render(funding, "UK", "Europe/Kyiv", context).text
    assert 'dir="rtl"' in render(funding, "AR", "Africa/Casablanca", context).html
