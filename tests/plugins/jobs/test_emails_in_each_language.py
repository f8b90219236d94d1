"""Job e-mails over a real SMTP server on loopback, in each recipient's language beyond
es/pt/en: a French and an Arabic member who opted in get an announcement in French and in
Arabic (subject, body, footer, ``Content-Language``, right-to-left HTML for Arabic) with
the RFC 8058 one-click unsubscribe headers; after a one-click ``POST`` they get no more. A
candidate who applied in Arabic hears of the application's moves in Arabic."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.client import Client
from tests.plugins.jobs.scenario import ERR, MOVE, candidate, offer
from tests.plugins.jobs.test_announcements import OPT_IN, SEND, member
from tests.smtp_server import SMTPServer, html_of, smtp_server, text_of

CREATE = f"""mutation($s: SegmentInput!, $subject: JobTranslatedTextInput!,
  $body: JobTranslatedTextInput!) {{ announcementCreate(kind: "JOB_FAIR", subject: $subject,
  body: $body, segment: $s) {{ announcement {{ id }} {ERR} }} }}"""
TEXTS = {"subject": {"en": "Job fair", "fr": "Salon de l'emploi à Huelva",
                     "ar": "معرض التوظيف في ولبة"},
         "body": {"en": "See you there",
                  "fr": "\n\n".join(["Nous vous attendons le 12 mars.", "Entrée libre."]),
                  "ar": "\n\n".join(["ننتظركم يوم 12 مارس.", "الدخول مجاني."])}}
APPLY_AR = f"""mutation($o: ID!) {{ jobApply(offerId: $o, language: "ar",
  message: "أتحدث العربية والإسبانية.") {{ application {{ id language }} {ERR} }} }}"""
ACCOUNT_LANGUAGE = f"""mutation($l: LanguageCodeEnum!) {{ accountUpdate(input: {{
  languageCode: $l }}) {{ {ERR} }} }}"""


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


def mails(server: SMTPServer, kind: str) -> list[Any]:
    return [m for m in server.inbox.messages if m["X-Ruta-Message-Type"] == kind]


async def announce(client: Client, op: str) -> int:
    created = await client.gql(CREATE, {"s": {"region": "huelva"}, **TEXTS}, op)
    assert created["announcementCreate"]["errors"] == [], created
    sent = await client.gql(SEND, {"id": created["announcementCreate"]["announcement"]["id"]},
                            op)
    assert sent["announcementSend"]["errors"] == [], sent
    await client.runtime.dispatcher.drain()  # type: ignore[union-attr]
    recipients: int = sent["announcementSend"]["announcement"]["recipients"]
    return recipients


async def test_french_and_arabic_members_get_it_in_their_language_until_one_click(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        op = await client.operator()
        amadou = await client.register("amadou@example.com")  # opts in in his account's
        await client.gql(ACCOUNT_LANGUAGE, {"l": "FR"}, amadou)
        joined = await client.gql(OPT_IN, {"f": {"region": "huelva"}}, amadou)
        assert joined["announcementOptIn"]["optIn"]["language"] == "FR"
        await member(client, "amina@example.com", language="ar", region="huelva")
        await member(client, "ola@example.com", language="EN", region="huelva")
        assert await announce(client, op) == 3
        by_to = {m["To"]: m for m in mails(server, "job_announcement")}
        assert sorted(by_to) == ["amadou@example.com", "amina@example.com", "ola@example.com"]

        fr = by_to["amadou@example.com"]
        assert (fr["Subject"], fr["Content-Language"]) == ("Salon de l'emploi à Huelva", "fr")
        assert "Nous vous attendons le 12 mars." in text_of(fr)
        assert "Désabonnez-vous en un clic" in text_of(fr)
        assert "<p>Entrée libre.</p>" in html_of(fr) and "Se désabonner" in html_of(fr)
        ar = by_to["amina@example.com"]
        assert (ar["Subject"], ar["Content-Language"]) == ("معرض التوظيف في ولبة", "ar")
        assert "ننتظركم يوم 12 مارس." in text_of(ar)
        assert "ألغِ اشتراكك بنقرة واحدة" in text_of(ar)
        assert 'dir="rtl"' in html_of(ar) and "<p>الدخول مجاني.</p>" in html_of(ar)
        assert by_to["ola@example.com"]["Content-Language"] == "en"

        for mail in (fr, ar):
            assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            link = mail["List-Unsubscribe"].strip("<>")
            assert link in text_of(mail) and link in html_of(mail).replace("&amp;", "&")
            url = urlparse(link)
            clicked = await client.http.post(
                f"{url.path}?{url.query}", content=b"List-Unsubscribe=One-Click",
                headers={"content-type": "application/x-www-form-urlencoded"})
            assert clicked.status_code == 200
        await client.runtime.dispatcher.drain()

        before = len(mails(server, "job_announcement"))
        assert await announce(client, op) == 1
        later = mails(server, "job_announcement")[before:]
        assert [m["To"] for m in later] == ["ola@example.com"]


async def test_a_candidate_who_applied_in_arabic_hears_of_each_move_in_arabic(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        employer, _ = await client.vendor("hotel@example.com", "Hotel Faro")
        offer_id = await offer(client, employer, title="Recepcionista")
        amina = await candidate(client, "amina@example.com")
        applied = await client.gql(APPLY_AR, {"o": offer_id}, amina)
        assert applied["jobApply"]["errors"] == [], applied
        application = applied["jobApply"]["application"]
        assert application["language"] == "AR"
        moved = await client.gql(MOVE, {"id": application["id"], "s": "INTERVIEW",
                                        "m": "الثلاثاء الساعة العاشرة."}, employer)
        assert moved["jobApplicationSetStatus"]["errors"] == []
        await client.runtime.dispatcher.drain()
        sent = mails(server, "job_application_changed")
        assert {m["Content-Language"] for m in sent} == {"ar"}
        assert sorted(m["Subject"] for m in sent) == [
            "طلبك لوظيفة Recepcionista: تم استلامه",
            "طلبك لوظيفة Recepcionista: في مرحلة المقابلة"]
        interview = next(m for m in sent if "المقابلة" in m["Subject"])
        assert "Hotel Faro" in text_of(interview)
        assert "الثلاثاء الساعة العاشرة." in text_of(interview)
        assert "رسالة من صاحب العمل:" in text_of(interview)
        assert 'dir="rtl"' in html_of(interview)
