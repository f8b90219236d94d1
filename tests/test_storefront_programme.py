"""The storefront's programme pages in process, on the demo data: the partners and their
access points, the finder ordering them by distance from 21700 and from 8000-283 with
opening hours in the point's local time, the events list and an event's page, a signed-in
visitor registering for the 600-seat fair (answering its questions) and their QR ticket
that nobody else sees, a full event's waiting list, and the paid wine tasting bought
through the normal checkout (its paid order gives the ticket) and then sold out."""

from __future__ import annotations

import html
import re

from sqlalchemy import select, update
from starlette.applications import Starlette

from engine.catalog.models import ProductVariant
from engine.notifications.models import Notification
from engine.orders.models import OrderLine
from engine.plugins.api import encode_id
from engine.runtime import Runtime
from plugins.programme import paid_events
from plugins.programme.event_models import Event, Registration
from tests.plugins.programme.setup import CANCEL
from tests.test_storefront_checkout import ADDRESS
from tests.test_storefront_learning import graphql, sign_in
from tests.web_browser import Browser

ORDER_CANCEL = """mutation($id: ID!) { orderCancel(id: $id) { order { status }
  errors { code } } }"""
OTHER = "participant-29@programme.example"  # registered for nothing


def towns(page: str) -> list[str]:
    found = re.search(r'<ol class="access-points" id="nearest">(.*?)</ol>', page, re.S)
    assert found, page[:3000]
    return re.findall(r'<h3 translate="no">Punto de acceso ([^<]+)</h3>', found.group(1))


def distances(page: str) -> list[float]:
    return [float(km.replace(",", ".")) for km in
            re.findall(r'class="distance">([\d.,]+) km', page)]


async def test_the_finder_orders_access_points_by_distance_with_local_hours(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        page = await browser.get("/programme?lang=en")
        assert page.status_code == 200
        text = html.unescape(page.text)
        assert "Ayuntamiento de La Palma del Condado" in text and "Faro" in text
        assert 'href="/programme" aria-current="page"' in page.text
        near_palma = await browser.get("/programme?country=ES&postalCode=21700&lang=en")
        order = towns(html.unescape(near_palma.text))
        assert order[0] == "La Palma del Condado" and len(order) >= 5
        km = distances(near_palma.text)
        assert km == sorted(km) and km[0] == 0
        near_faro = await browser.get("/programme?country=PT&postalCode=8000-283&lang=en")
        assert towns(html.unescape(near_faro.text))[0] == "Faro"
        faro = re.sub(r"<[^>]+>", "", html.unescape(near_faro.text))
        assert "Opening hours (local time, Europe/Lisbon)" in faro
        assert "Tuesday: 09:00\u201314:00, 16:00\u201319:00" in faro
        assert "Language help" in faro
        spanish = await browser.get("/programme?country=PT&postalCode=8000-283&lang=es")
        assert "martes: 09:00\u201314:00, 16:00\u201319:00" in re.sub(r"<[^>]+>", "",
                                                           html.unescape(spanish.text))
        unknown = await browser.get("/programme?country=ES&postalCode=99999&lang=en")
        assert "We could not place this postal code" in unknown.text
        assert all(count <= 2 for _, count, _ in browser.documents), browser.documents


def plain(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html.unescape(page)))


async def event_link(browser: Browser, title: str) -> str:
    listing = await browser.get("/events?lang=en")
    found = re.search(r'href="(/events/[^"]+)" translate="no">' + re.escape(title), listing.text)
    assert found, listing.text[:3000]
    return html.unescape(found[1])


async def test_a_visitor_registers_for_the_fair_and_only_they_see_the_qr_ticket(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        listing = plain((await browser.get("/events?lang=en")).text)
        assert "Feria transfronteriza de emprendimiento" in listing
        assert "Welcome day" not in listing  # past events are not offered
        assert "600 seats left" in listing and "€25.00" in listing
        link = await event_link(browser, "Feria")
        anonymous = await browser.get(link + "?lang=en")
        assert "Sign in to register" in anonymous.text and "Online" not in anonymous.text
        assert "Punto de acceso La Palma del Condado" in html.unescape(anonymous.text)
        assert '"@type": "Event"' in anonymous.text and '"addressLocality": "La Palma' in (
            anonymous.text)
        await sign_in(browser)
        page = await browser.get(link + "?lang=en")
        assert 'name="q_language"' in page.text and "Accessibility needs" in page.text
        missing = await browser.post(link, {"name": "Amina", "q_access": "Ramp"},
                                     form_page=link)
        assert missing.status_code == 400 and "This field is required." in missing.text
        assert 'value="Ramp"' in missing.text  # what was typed is kept
        done = await browser.post(link, {"name": "Amina", "q_language": "Arabic"},
                                  form_page=link)
        assert done.status_code == 303 and done.headers["location"] == "/events/tickets"
        tickets = await browser.get("/events/tickets?lang=en")
        assert "You are registered: your ticket is below." in tickets.text
        assert 'data-status="CONFIRMED"' in tickets.text and "Amina" in tickets.text
        assert re.search(r'<img class="qr" src="data:image/svg\+xml', tickets.text)
        code = re.search(r"Door code: <code[^>]*>([\w-]+)", tickets.text)
        assert code
        assert "599 seats left" in (await browser.get(link + "?lang=en")).text
        assert all(count <= 2 for _, count, _ in browser.documents), browser.documents
    async with Browser(app) as other:
        await sign_in(other, OTHER)
        theirs = await other.get("/events/tickets?lang=en")
        assert theirs.status_code == 200 and "You have no tickets yet." in theirs.text
        assert "Amina" not in theirs.text and code[1] not in theirs.text


async def test_a_full_free_event_offers_its_waiting_list(app: Starlette, demo: Runtime) -> None:
    async with demo.db.write() as session:
        await session.execute(update(Event).where(Event.title.startswith("Online workshop"))
                              .values(capacity=1))
    async with Browser(app) as first, Browser(app) as second:
        await sign_in(first)
        link = await event_link(first, "Online workshop")
        assert "1 seat left" in (await first.get(link + "?lang=en")).text
        assert (await first.post(link, {"name": "Ana"}, form_page=link)).status_code == 303
        await sign_in(second, OTHER)
        full = await second.get(link + "?lang=en")
        assert "Full: waiting list open" in full.text and "Join the waiting list" in full.text
        waiting = await second.post(link, {"name": "Bo"}, form_page=link)
        assert waiting.status_code == 303
        tickets = await second.get("/events/tickets?lang=en")
        assert "The event is full: you are on the waiting list." in tickets.text
        assert 'data-status="WAITLISTED"' in tickets.text and 'class="qr"' not in tickets.text
        assert "Waiting list, position 1" in tickets.text


async def test_a_paid_ticket_is_bought_through_checkout_and_then_sold_out(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        link = await event_link(browser, "Cata de vinos")
        anonymous = await browser.get(link + "?lang=en")  # the ticket needs an account
        assert "Sign in to register" in anonymous.text and "variantId" not in anonymous.text
        await sign_in(browser)
        page = await browser.get(link + "?lang=en")
        assert "Ticket: €25.00" in plain(page.text) and "20 seats left" in page.text
        assert 'name="q_language"' not in page.text and "Register for free" not in page.text
        free = await browser.post(link, {"name": "Ana"}, form_page=link)
        assert free.status_code == 400 and "This event is paid: buy a ticket." in free.text
        variant = re.search(r'name="variantId" value="([^"]+)"', page.text)
        assert variant
        added = await browser.post("/cart/add", {"variantId": variant[1], "quantity": "1"},
                                   form_page=link)
        assert added.status_code == 303 and added.headers["location"] == "/cart"
        assert (await browser.post("/checkout", ADDRESS)).status_code == 303
        paid = await browser.post("/checkout/pay", {"consent": "on"}, form_page="/checkout")
        assert paid.status_code == 303, paid.text[:2000]
        confirmed = await browser.get(paid.headers["location"])  # the dummy gateway pays
        assert confirmed.status_code == 303
        assert demo.dispatcher is not None
        await demo.dispatcher.drain()  # ruta_order_paid registers the buyer
        tickets = await browser.get("/events/tickets?lang=en")
        text = plain(tickets.text)
        assert "Cata de vinos del Condado" in text and "Ana Silva" in text
        assert 'data-status="CONFIRMED"' in tickets.text
        assert re.search(r'<img class="qr" src="data:image/svg\+xml', tickets.text)
        assert "19 seats left" in (await browser.get(link + "?lang=en")).text
        async with demo.db.read() as session:
            ticket = await session.scalar(select(Registration).where(
                Registration.order_line_id.is_not(None)))
            assert ticket is not None and ticket.status == "CONFIRMED"
            order_id = await session.scalar(select(OrderLine.order_id).where(
                OrderLine.id == ticket.order_line_id))
        assert order_id is not None
        assert await paid_events.order_paid(demo, order_id) == 0  # a redelivery adds none
        async with demo.db.read() as session:  # one ticket e-mail, redelivery or not
            mails = list(await session.scalars(select(Notification).where(
                Notification.type == "event_ticket")))
        assert [(m.dedupe_key, m.email, m.subject) for m in mails] == [
            (f"event-ticket:{ticket.id}", "customer@ruta.example",
             "Your ticket: Cata de vinos del Condado")]
        assert [a["filename"] for a in mails[0].attachments] == ["ticket.png", "event.ics"]
        cancel = await graphql(browser, CANCEL, {"id": encode_id(
            "ProgrammeRegistration", ticket.id)}, "customer@ruta.example")
        assert cancel["programmeRegistrationCancel"]["errors"] == [
            {"code": "CANCEL_THROUGH_ORDER"}]
        cancelled = await graphql(browser, ORDER_CANCEL, {"id": encode_id("Order", order_id)},
                                  "admin@ruta.example")
        assert cancelled["orderCancel"]["order"]["status"] == "CANCELLED"
        await demo.dispatcher.drain()  # ruta_order_cancelled cancels the ticket
        gone = await browser.get("/events/tickets?lang=en")
        assert 'data-status="CANCELLED"' in gone.text and 'class="qr"' not in gone.text
        assert "20 seats left" in (await browser.get(link + "?lang=en")).text
    async with demo.db.write() as session:
        await session.execute(update(ProductVariant).where(ProductVariant.id == select(
            Event.variant_id).where(Event.title == "Cata de vinos del Condado")
            .scalar_subquery()).values(seats_taken=ProductVariant.capacity))
    async with Browser(app) as late:
        await sign_in(late, OTHER)
        sold_out = await late.get(link + "?lang=en")
        assert "Sold out" in sold_out.text and 'name="variantId"' not in sold_out.text
        refused = await late.post("/cart/add", {"variantId": variant[1], "quantity": "1"},
                                  form_page=link)
        assert refused.status_code == 303 and refused.headers["location"] != "/cart"
        assert "Sold out" in (await late.get("/events?lang=en")).text
        assert "Your cart is empty" in (await late.get("/cart?lang=en")).text


async def test_tickets_need_a_signed_in_visitor(app: Starlette) -> None:
    async with Browser(app) as browser:
        page = await browser.get("/events/tickets")
        assert page.status_code == 303
        assert page.headers["location"].startswith("/account/login")
        missing = await browser.get("/events/bm9wZQ==")
        assert missing.status_code == 404
