"""The storefront's waiting list for a full paid group session, in process on the demo
marketplace: a full date offers "Join the waiting list" (POST form with the CSRF token), my
bookings shows the place in line; when a buyer cancels, the seat is offered to the first in
line, who books and pays it through checkout."""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

from sqlalchemy import update
from starlette.applications import Starlette

from engine.catalog.models import ProductVariant
from engine.runtime import Runtime
from plugins.mentoring.demo import GROUP_TITLE
from plugins.mentoring.models import Offering, Session
from tests.test_storefront_advice_paid import form_fields
from tests.test_storefront_checkout import ADDRESS
from tests.test_storefront_learning import sign_in
from tests.web_browser import Browser

WAITING = "/advice/offering/waitlist"


async def workshop_page(browser: Browser) -> str:
    """The dates page of the demo's paid group workshop (the Portuguese funding advisor)."""
    found = await browser.get("/advice?search=1&kind=FUNDING&lang=en")
    for path in re.findall(r'href="(/advice/expert\?id=[^"]+)"', found.text):
        page = await browser.get(html.unescape(path) + "&lang=en")
        for section in re.findall(r"<section .*?</section>", page.text, re.S):
            link = re.search(r'href="(/advice/offering\?[^"]+)"', section)
            if link and GROUP_TITLE in html.unescape(section):
                return html.unescape(link.group(1))
    raise AssertionError("no paid group workshop on sale")


async def buy_a_seat(browser: Browser, path: str, demo: Runtime, form: str) -> None:
    """Pay the form's seat through checkout with the dummy gateway; the booking follows."""
    bought = await browser.post(form, form_fields((await browser.get(path + "&lang=en")).text
                                                  if form.startswith("/advice/offering")
                                                  else (await browser.get(path)).text, form),
                                form_page=path)
    assert bought.status_code == 303 and bought.headers["location"] == "/checkout", \
        bought.headers.get("location")
    assert (await browser.post("/checkout", ADDRESS)).status_code == 303
    paid = await browser.post("/checkout/pay", {"consent": "on"}, form_page="/checkout")
    assert paid.status_code == 303, paid.text[:800]
    await browser.get(paid.headers["location"])  # the dummy gateway pays
    assert demo.dispatcher is not None
    await demo.dispatcher.drain()  # ruta_order_paid: the mentoring plugin books


async def fill_the_workshop(demo: Runtime) -> None:
    """Every other seat of the workshop sold (as many buyers would have bought them)."""
    async with demo.transaction() as session:
        offering = (await session.execute(
            Offering.__table__.select().where(Offering.title == GROUP_TITLE))).one()
        row = (await session.execute(Session.__table__.select().where(
            Session.offering_id == offering.id))).one()
        await session.execute(update(Session).where(Session.id == row.id)
                              .values(seats_taken=row.seats))
        await session.execute(update(ProductVariant).where(ProductVariant.id == row.variant_id)
                              .values(seats_taken=ProductVariant.capacity))


async def test_a_full_paid_group_session_takes_a_waiting_list_and_offers_a_freed_seat(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as first, Browser(app) as second:
        path = await workshop_page(first)
        await sign_in(first)
        await buy_a_seat(first, path, demo, "/advice/offering/buy")
        await fill_the_workshop(demo)
        page = await second.get(path + "&lang=en")
        assert "Full" in page.text and 'action="/advice/offering/buy"' not in page.text
        fields = form_fields(page.text, WAITING)
        assert set(fields) == {"csrf_token", "expert", "offering", "startsAt"}
        # not signed in: sign in first, then back to the dates
        anonymous = await second.post(WAITING, fields, token=fields["csrf_token"])
        assert anonymous.headers["location"] == "/account/login?" + urlencode({"next": path})
        # a form without its token changes nothing
        forged = await second.http.post(WAITING, data={k: v for k, v in fields.items()
                                                       if k != "csrf_token"})
        assert forged.status_code == 403
        await sign_in(second, "vendor.pt@ruta.example")
        joined = await second.post(WAITING, fields, form_page=path)
        assert joined.status_code == 303 and joined.headers["location"] == "/advice/bookings"
        mine = await second.get("/advice/bookings?lang=en")
        assert "You are on the waiting list: if a seat frees up" in mine.text
        card = mine.text[mine.text.find('<li class="card">'):]
        assert GROUP_TITLE in card and "<strong>On the waiting list</strong>" in card
        assert 'action="/advice/bookings/buy"' not in card
        spanish = await second.get("/advice/bookings?lang=es")
        assert "<strong>En la lista de espera</strong>" in spanish.text
        # the first buyer already has a seat: the API refuses a second place, in their words
        again = await first.post(WAITING, fields, form_page=path)
        assert again.headers["location"] == path
        # the first buyer cancels: the seat is offered to the first in line
        theirs = await first.get("/advice/bookings?lang=en")
        booking = form_fields(theirs.text, "/advice/bookings/cancel")
        cancelled = await first.post("/advice/bookings/cancel", booking,
                                     form_page="/advice/bookings")
        assert cancelled.status_code == 303
        offered = await second.get("/advice/bookings?lang=en")
        assert "<strong>A seat is free for you: pay to confirm it</strong>" in offered.text
        # someone else's booking cannot be bought through this form
        stranger = await first.post("/advice/bookings/buy", {
            "booking": form_fields(offered.text, "/advice/bookings/buy")["booking"]},
            form_page="/advice/bookings")
        assert stranger.headers["location"] == "/advice/bookings"
        await buy_a_seat(second, "/advice/bookings", demo, "/advice/bookings/buy")
        confirmed = await second.get("/advice/bookings?lang=en")
        assert "<strong>Confirmed</strong>" in confirmed.text
        assert "On the waiting list" not in confirmed.text
