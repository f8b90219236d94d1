"""The storefront's advice pages in process, on the demo marketplace: find an expert with
the explained score, an expert's free slots in the visitor's time zone, booking one, the
booking's .ics file and its cancellation."""

from __future__ import annotations

import html
import re

from starlette.applications import Starlette

from engine.runtime import Runtime
from tests.test_storefront_learning import sign_in
from tests.web_browser import Browser


async def test_a_visitor_finds_an_expert_books_a_free_slot_and_cancels_it(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        found = await browser.get("/advice?search=1&lang=en")
        assert found.status_code == 200 and "Why this expert?" in found.text
        assert re.search(r"Score: \d", found.text)
        experts = re.findall(r'href="(/advice/expert\?id=[^"]+)"', found.text)
        assert experts
        # in a language no expert speaks (Arabic) the search still ranks them
        arabic = await browser.get("/advice?search=1&lang=ar")
        assert len(re.findall(r'href="/advice/expert\?id=', arabic.text)) == len(experts)
        await sign_in(browser)
        for path in experts:
            page = await browser.get(html.unescape(path) + "&lang=en")
            assert page.status_code == 200
            if 'action="/advice/book"' in page.text:
                break
        else:
            raise AssertionError("no expert with a free slot")
        assert "Times are shown in your time zone" in page.text
        form = re.search(r'<form method="post" action="/advice/book">(.*?)</form>', page.text,
                         re.S)
        assert form is not None
        fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(1)))
        booked = await browser.post("/advice/book", {k: html.unescape(v) for k, v in
                                                     fields.items() if k != "csrf_token"},
                                    token=fields["csrf_token"])
        assert booked.status_code == 303 and booked.headers["location"] == "/advice/bookings"
        mine = await browser.get("/advice/bookings?lang=en")
        assert "Your session is booked." in mine.text
        link = html.unescape(re.search(r'href="(/advice/bookings/ics\?id=[^"]+)"',
                                       mine.text)[1])
        calendar = await browser.get(link)
        assert calendar.headers["content-type"].startswith("text/calendar")
        assert calendar.text.startswith("BEGIN:VCALENDAR")
        booking = re.search(r'name="booking" value="([^"]+)"', mine.text)[1]
        cancelled = await browser.post("/advice/bookings/cancel",
                                       {"booking": html.unescape(booking)},
                                       form_page="/advice/bookings")
        assert cancelled.status_code == 303
        after = await browser.get("/advice/bookings?lang=en")
        assert "Your booking is cancelled." in after.text and "Cancelled" in after.text
        stranger = await browser.get("/advice/bookings/ics?id=nope")
        assert stranger.status_code == 404


def _score_lines(page: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", line)).strip() for line in
            re.findall(r"<tr><td>(.*?)</td>", page)]


async def test_kinds_and_score_lines_are_in_the_pages_language(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        english = await browser.get("/advice?search=1&kind=LEGAL&lang=en")
        spanish = await browser.get("/advice?search=1&kind=LEGAL&lang=es")
        arabic = await browser.get("/advice?search=1&kind=LEGAL&lang=ar")
        for page in (english, spanish, arabic):
            assert page.status_code == 200
        # the kinds of expert, in the form and on each match
        assert '<option value="LEGAL" selected>Legal adviser</option>' in english.text
        assert '<option value="LEGAL" selected>Asesoría jurídica</option>' in spanish.text
        assert '<option value="FUNDING">Asesor de financiación</option>' in spanish.text
        assert '<option value="LEGAL" selected>مستشار قانوني</option>' in arabic.text
        assert '<p class="muted">Asesoría jurídica</p>' in spanish.text
        assert '<p class="muted">مستشار قانوني</p>' in arabic.text
        # the explained score: the same lines, worded in the page's language
        lines = {"en": _score_lines(english.text), "es": _score_lines(spanish.text),
                 "ar": _score_lines(arabic.text)}
        assert lines["en"] and len(lines["en"]) == len(lines["es"]) == len(lines["ar"])
        assert "Topics: You did not choose a topic" in lines["en"]
        assert "Temas: No elegiste ningún tema" in lines["es"]
        assert "المواضيع: لم تختر أي موضوع" in lines["ar"]
        assert any(re.fullmatch(r"Disponibilidad: Horas libres en los próximos 14 días: \d+",
                                line) for line in lines["es"])
        assert any(line.startswith("الوقت المتاح: الساعات المتاحة خلال") for line in lines["ar"])
        assert any(re.fullmatch("Sistema jurídico: Conoce el derecho de \u2068España\u2069.*",
                                line) for line in lines["es"]), lines["es"]
        assert any(line.startswith("Idioma: Habla \u2068español\u2069") for line in lines["es"])
        for line in lines["es"] + lines["ar"]:  # nothing left in the API's English
            assert not re.search(r"\b(speaks|covers|free hours|ratings?|topics)\b", line), line
