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
