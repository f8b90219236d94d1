"""The storefront account beyond orders: messages (the in-app inbox and which optional
messages are sent), invoices, reviews to write and the address book. Each page shows only
the signed-in buyer's own data; everything goes through the public GraphQL API."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from starlette.applications import Starlette

from engine.runtime import Runtime
from engine.testing.client import PASSWORD, Client
from tests.shop import COMPLETE, Shop, build, ready
from tests.test_storefront_checkout import add
from tests.web_browser import Browser

PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"


async def paid_order(client: Client, shop: Shop, buyer: str,
                     lines: dict[str, int]) -> dict[str, Any]:
    """A signed-in buyer's order, paid (the operator records the transfer), events delivered
    (invoices issued, notifications written)."""
    checkout_id = await ready(client, shop, lines, buyer)
    done = await client.gql(COMPLETE, {"id": checkout_id}, buyer)
    assert done["checkoutComplete"]["errors"] == [], done
    order: dict[str, Any] = done["checkoutComplete"]["order"]
    marked = await client.gql(PAID, {"id": order["id"]}, await client.login("shop-op@example.com"))
    assert marked["orderMarkPaid"]["errors"] == [], marked
    assert client.runtime.dispatcher is not None
    await client.runtime.dispatcher.drain()
    return order


async def signed_in(browser: Browser, email: str) -> None:
    done = await browser.post("/account/login", {"email": email, "password": PASSWORD})
    assert done.status_code == 303, done.text[:500]


def unread_in_nav(html: str) -> int:
    found = re.search(r'id="nav-unread"[^>]*>(\d+)<', html)
    return int(found.group(1)) if found else 0


async def test_the_inbox_marks_read_counts_in_the_nav_and_keeps_the_choices(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    buyer = await client.register("buyer@example.com")
    await client.register("other@example.com")
    await paid_order(client, shop, buyer, {"wine": 1})
    async with Browser(app) as browser, Browser(app) as stranger:
        await signed_in(browser, "buyer@example.com")
        await signed_in(stranger, "other@example.com")
        inbox = await browser.get("/account/inbox?lang=es")
        assert inbox.status_code == 200
        unread = unread_in_nav(inbox.text)
        assert unread >= 1 and "Marcar como leído" in inbox.text
        assert unread_in_nav((await browser.get("/account?lang=es")).text) == unread
        ids = re.findall(r'name="id" value="([^"]+)"', inbox.text)
        assert len(ids) == unread
        theirs = await stranger.get("/account/inbox?lang=en")
        assert "No messages yet." in theirs.text and unread_in_nav(theirs.text) == 0
        refused = await stranger.post("/account/inbox/read", {"id": ids[0]},
                                      form_page="/account/inbox")
        assert refused.status_code == 303
        assert unread_in_nav((await browser.get("/account/inbox")).text) == unread
        marked = await browser.post("/account/inbox/read", {"id": ids[0]},
                                    form_page="/account/inbox")
        assert marked.status_code == 303
        after = await browser.get("/account/inbox?lang=en")
        assert unread_in_nav(after.text) == unread - 1
        saved = await browser.post("/account/inbox/preferences", {"REMINDER": "on"},
                                   form_page="/account/inbox")
        assert saved.status_code == 303
        kept = await browser.get("/account/inbox?lang=en")
        assert "Your choices are saved." in kept.text
        assert 'id="pref-REMINDER" name="REMINDER" checked' in kept.text
        assert 'id="pref-NUDGE" name="NUDGE">' in kept.text
        assert 'id="pref-ANNOUNCEMENT" name="ANNOUNCEMENT">' in kept.text
        everything = await browser.post("/account/inbox/read-all", {},
                                         form_page="/account/inbox")
        assert everything.status_code == 303
        assert unread_in_nav((await browser.get("/account/inbox")).text) == 0
    prefs = await client.gql("{ myNotificationPreferences }", token=buyer)
    assert sorted(prefs["myNotificationPreferences"]) == ["ANNOUNCEMENT", "NUDGE"]


async def test_invoices_are_listed_with_their_pdf_for_the_buyer_only(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    buyer = await client.register("buyer@example.com")
    await client.register("other@example.com")
    order = await paid_order(client, shop, buyer, {"wine": 1, "tile": 1})
    async with Browser(app) as browser, Browser(app) as stranger:
        await signed_in(browser, "buyer@example.com")
        await signed_in(stranger, "other@example.com")
        listed = await browser.get("/account/invoices?lang=es")
        assert listed.status_code == 200
        links = re.findall(r'class="invoice-pdf" href="([^"]+)"', listed.text)
        assert len(links) == 2 and "Descargar el PDF" in listed.text  # one per shop
        assert "Bodega ES" in listed.text and "Loja PT" in listed.text
        on_order = await browser.get(f"/account/orders/{order['id']}?lang=en")
        assert sorted(re.findall(r'class="invoice-pdf" href="([^"]+)"', on_order.text)) \
            == sorted(links)
        to_pdf = await browser.get(links[0])
        assert to_pdf.status_code == 303
        pdf = await client.http.get(urlparse(to_pdf.headers["location"]).path)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        theirs = await stranger.get("/account/invoices?lang=en")
        assert "No invoices yet" in theirs.text and "invoice-pdf" not in theirs.text
        assert (await stranger.get(links[0])).status_code == 404
        assert (await stranger.get(f"/account/orders/{order['id']}")).status_code == 404


async def test_a_buyer_reviews_each_bought_product_once_and_nothing_else(
        app: Starlette, client: Client) -> None:
    shop = await build(client)
    buyer = await client.register("buyer@example.com")
    other = await client.register("other@example.com")
    await paid_order(client, shop, buyer, {"wine": 1, "tile": 1})
    await paid_order(client, shop, buyer, {"wine": 1})  # wine twice: one review
    await paid_order(client, shop, other, {"tile": 1})
    async with Browser(app) as browser, Browser(app) as stranger:
        await signed_in(browser, "buyer@example.com")
        await signed_in(stranger, "other@example.com")
        page = await browser.get("/account/reviews?lang=en")
        forms = dict(re.findall(r'name="orderLineId" value="([^"]+)">\s*<h3><span '
                                r'translate="no">([^<]+)<', page.text))
        assert sorted(forms.values()) == ["Tile", "Wine"]
        wine = next(line for line, name in forms.items() if name == "Wine")
        theirs = await stranger.get("/account/reviews?lang=en")
        assert "Wine" not in theirs.text
        [their_tile] = re.findall(r'name="orderLineId" value="([^"]+)"', theirs.text)
        not_bought = await stranger.post("/account/reviews/write", {
            "orderLineId": wine, "rating": "5", "text": "Never tasted it"},
            form_page="/account/reviews")
        assert not_bought.status_code == 400
        assert "You can only review products you bought." in not_bought.text
        written = await browser.post("/account/reviews/write", {
            "orderLineId": wine, "rating": "4", "text": "Buen vino"},
            form_page="/account/reviews")
        assert written.status_code == 303
        after = await browser.get("/account/reviews?lang=en")
        assert "Buen vino" in after.text and "Rated 4 out of 5" in after.text
        left = re.findall(r'name="orderLineId" value="([^"]+)"', after.text)
        assert left == [line for line, name in forms.items() if name == "Tile"]
        twice = await browser.post("/account/reviews/write?lang=es", {
            "orderLineId": wine, "rating": "1", "text": "Otra vez"},
            form_page="/account/reviews")
        assert twice.status_code == 400
        assert "Ya has valorado este producto." in twice.text
        assert "Never tasted it" not in (await stranger.get("/account/reviews")).text
        assert their_tile not in left
    reviews = await client.gql("""{ myPurchasedProducts { productName
        review { rating text } } }""", token=buyer)
    assert [(p["productName"], p["review"]) for p in reviews["myPurchasedProducts"]] == [
        ("Wine", {"rating": 4, "text": "Buen vino"}), ("Tile", None)]
    assert [p["review"] for p in (await client.gql(
        "{ myPurchasedProducts { review { rating } } }", token=other)
    )["myPurchasedProducts"]] == [None]


async def test_the_address_book_checks_postal_codes_in_spanish_and_fills_the_checkout(
        app: Starlette, demo: Runtime, client: Client) -> None:
    buyer = await client.register("buyer@example.com")
    await client.register("other@example.com")
    faro = {"firstName": "Ana", "lastName": "Silva", "streetAddress1": "Rua do Sol 1",
            "city": "Faro", "postalCode": "8000-138", "country": "PT"}
    huelva = {"firstName": "Ana", "lastName": "Silva", "streetAddress1": "Calle Real 2",
              "city": "La Palma del Condado", "postalCode": "21700", "country": "ES"}
    async with Browser(app) as browser, Browser(app) as stranger:
        await signed_in(browser, "buyer@example.com")
        await signed_in(stranger, "other@example.com")
        wrong = await browser.post("/account/addresses/save?lang=es",
                                   {**faro, "postalCode": "21700"},
                                   form_page="/account/addresses")
        assert wrong.status_code == 400
        assert "Este código postal no es válido para el país." in wrong.text
        assert 'value="Rua do Sol 1"' in wrong.text  # what was typed stays
        assert (await client.gql("{ me { addresses { id } } }", token=buyer)
                )["me"]["addresses"] == []
        for address, default in ((faro, {}), (huelva, {"isDefault": "on"})):
            done = await browser.post("/account/addresses/save", {**address, **default},
                                      form_page="/account/addresses")
            assert done.status_code == 303
        page = await browser.get("/account/addresses?lang=en")
        ids = re.findall(r'href="/account/addresses\?edit=([^"#]+)', page.text)
        assert len(ids) == 2 and page.text.count('class="default-address"') == 1
        assert page.text.index("Calle Real 2") < page.text.index("Rua do Sol 1")
        editing = await browser.get(f"/account/addresses?edit={ids[1]}")
        assert 'value="Rua do Sol 1"' in editing.text
        changed = await browser.post("/account/addresses/save", {
            **faro, "streetAddress1": "Rua do Sol 9", "id": ids[1]},
            form_page="/account/addresses")
        assert changed.status_code == 303
        theirs = await stranger.get("/account/addresses?lang=en")
        assert "No saved addresses yet." in theirs.text and "Calle Real" not in theirs.text
        assert (await stranger.get(f"/account/addresses?edit={ids[0]}")).status_code == 404
        refused = await stranger.post("/account/addresses/delete", {"id": ids[0]},
                                      form_page="/account/addresses")
        assert refused.status_code == 303
        made = await browser.post("/account/addresses/default", {"id": ids[1]},
                                  form_page="/account/addresses")
        assert made.status_code == 303
        after = await browser.get("/account/addresses")
        assert after.text.index("Rua do Sol 9") < after.text.index("Calle Real 2")
        await add(browser, "flor-de-sal-algarve")
        checkout = await browser.get("/checkout?lang=en")
        assert 'value="Rua do Sol 9"' in checkout.text and 'value="8000-138"' in checkout.text
        assert "Deliver to a saved address" in checkout.text
        # the other saved address is one click away, and it fills the form in
        picked = await browser.get(f"/checkout?address={ids[0]}&lang=en")
        assert 'value="Calle Real 2"' in picked.text and 'value="21700"' in picked.text
        assert 'value="Rua do Sol 9"' not in picked.text
        # a stranger's address id is not theirs to use: their own form stays as it was
        await add(stranger, "flor-de-sal-algarve")
        borrowed = await stranger.get(f"/checkout?address={ids[0]}&lang=en")
        assert borrowed.status_code == 200 and 'name="streetAddress1"' in borrowed.text
        assert "Calle Real 2" not in borrowed.text
        deleted = await browser.post("/account/addresses/delete", {"id": ids[0]},
                                     form_page="/account/addresses")
        assert deleted.status_code == 303
        for path in ("/account", "/account/inbox", "/account/invoices", "/account/reviews"):
            assert (await browser.get(path)).status_code == 200
    counts = {path: count for path, count, _size in browser.documents}
    assert {"/checkout?lang=en", "/account/addresses", "/account/reviews"} <= set(counts)
    assert max(counts.values()) <= 2, counts
    book = (await client.gql("{ me { addresses { isDefault address { streetAddress1 } } } }",
                             token=buyer))["me"]["addresses"]
    assert book == [{"isDefault": True, "address": {"streetAddress1": "Rua do Sol 9"}}]
