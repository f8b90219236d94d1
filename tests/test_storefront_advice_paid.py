"""The storefront's paid advice in process, on the demo marketplace: a paid offering's
dates on sale, "Book" puts the date's variant in the cart and the buyer pays through the
storefront checkout (dummy gateway); the paid order then gives the buyer, and only the
buyer, a confirmed booking at the time they chose."""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

from starlette.applications import Starlette

from engine.runtime import Runtime
from tests.test_storefront_checkout import ADDRESS
from tests.test_storefront_learning import sign_in
from tests.web_browser import Browser

TITLE = "Asesoría legal (1 hora)"  # the demo's paid legal slots (Lucía Fernández, Huelva)


def form_fields(page: str, action: str) -> dict[str, str]:
    form = re.search(rf'<form method="post" action="{action}">(.*?)</form>', page, re.S)
    assert form is not None, page[:800]
    return {k: html.unescape(v) for k, v in
            re.findall(r'name="(\w+)" value="([^"]*)"', form.group(1))}


async def paid_offering_page(browser: Browser) -> str:
    found = await browser.get("/advice?search=1&kind=LEGAL&lang=en")
    for path in re.findall(r'href="(/advice/expert\?id=[^"]+)"', found.text):
        page = await browser.get(html.unescape(path) + "&lang=en")
        link = re.search(r'href="(/advice/offering\?[^"]+)"', page.text)
        if link and TITLE in page.text:
            return html.unescape(link.group(1))
    raise AssertionError("no paid offering with dates on sale")


async def test_a_buyer_pays_a_legal_session_through_checkout_and_only_they_get_the_booking(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        await sign_in(browser)
        path = await paid_offering_page(browser)
        dates = await browser.get(path + "&lang=en")
        assert dates.status_code == 200 and TITLE in dates.text
        assert "Times are shown in your time zone (Europe/Madrid)" in dates.text
        fields = form_fields(dates.text, "/advice/offering/buy")
        chosen = re.search(r'<button type="submit">Book (.*?) and pay</button>', dates.text)
        assert chosen is not None
        # a variant that is not one of this offering's dates is refused: no cart
        forged = await browser.post("/advice/offering/buy", {**fields, "variant": "bm9wZQ=="},
                                    token=fields["csrf_token"])
        assert forged.status_code == 303 and "ruta_checkout" not in browser.http.cookies
        refused = await browser.get(forged.headers["location"] + "&lang=en")
        assert "This date is no longer available." in refused.text
        bought = await browser.post("/advice/offering/buy", fields, form_page=path)
        assert bought.status_code == 303 and bought.headers["location"] == "/checkout"
        checkout = await browser.get("/checkout?lang=en")
        assert "Pay to confirm your session" in checkout.text, checkout.text[-3000:]
        assert (await browser.post("/checkout", ADDRESS)).status_code == 303
        paid = await browser.post("/checkout/pay", {"consent": "on"}, form_page="/checkout")
        assert paid.status_code == 303, paid.text[:800]
        confirmed = await browser.get(paid.headers["location"])  # the dummy gateway pays
        order = await browser.get(confirmed.headers["location"] + "&lang=en")
        main = order.text[order.text.find("<main"):order.text.find("</main>")]
        assert "<strong>Paid</strong>" in order.text, main
        assert demo.dispatcher is not None
        await demo.dispatcher.drain()  # ruta_order_paid: the mentoring plugin books
        mine = await browser.get("/advice/bookings?lang=en")
        assert mine.text.count('<li class="card">') == 1
        assert TITLE in mine.text and html.unescape(chosen.group(1)) in html.unescape(mine.text)
        assert 'action="/advice/bookings/cancel"' in mine.text
    async with Browser(app) as other:  # another buyer sees no booking of theirs
        await sign_in(other, "vendor.pt@ruta.example")
        theirs = await other.get("/advice/bookings?lang=en")
        assert TITLE not in theirs.text and "No bookings yet." in theirs.text
        # and the date just sold is full
        again = await other.get(await paid_offering_page(other) + "&lang=en")
        assert f"{html.unescape(chosen.group(1))} · Full" in html.unescape(again.text)


async def test_a_free_offering_has_no_dates_page_and_buying_needs_an_account(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        path = await paid_offering_page(browser)
        anonymous = await browser.get(path + "&lang=en")
        fields = form_fields(anonymous.text, "/advice/offering/buy")
        refused = await browser.post("/advice/offering/buy", fields, token=fields["csrf_token"])
        assert refused.status_code == 303
        assert refused.headers["location"] == "/account/login?" + urlencode({"next": path})
        assert "ruta_checkout" not in browser.http.cookies
        unknown = await browser.get("/advice/offering?expert=x&id=y")
        assert unknown.status_code == 404
