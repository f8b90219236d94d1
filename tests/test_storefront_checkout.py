"""Buying on the storefront in process, on the demo marketplace: a cart across vendors in a
cookie, details with postal-code checks, shipping per vendor, the consent to immediate supply
(stored on the order), the dummy gateway without JavaScript, the order split per vendor with
its download, and the signed-in buyer's account."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import httpx
from starlette.applications import Starlette

from engine.demo.data import DEMO_PASSWORD
from engine.demo.promotions import DEMO_VOUCHER
from engine.orders import guest_link
from engine.runtime import Runtime
from engine.testing.client import PASSWORD, Client
from tests.web_browser import Browser

ADDRESS = {"email": "ana@example.com", "firstName": "Ana", "lastName": "Silva",
           "streetAddress1": "Rua de Santo António 10", "city": "Faro",
           "postalCode": "8000-283", "country": "PT", "vatId": ""}
CONSENT = """query($t: String!) { orderByToken(token: $t) { immediateSupplyConsentAt
  vendorOrders { vendor { name } lines { productName } } } }"""


async def add(browser: Browser, slug: str) -> httpx.Response:
    page = await browser.get(f"/products/{slug}")
    variant = re.search(r'name="variantId" id="v-1" value="([^"]+)"', page.text)
    assert variant, page.text[:500]
    return await browser.post("/cart/add", {"variantId": variant.group(1), "quantity": "1"},
                              form_page=f"/products/{slug}")


async def test_a_guest_in_faro_buys_from_two_vendors_and_downloads_the_e_book(
        app: Starlette, demo: Runtime, client: Client) -> None:
    async with Browser(app) as browser:
        browser.http.cookies.set("ruta_place", "PT:8000-283", domain="testserver.local")
        for slug in ("aceite-virgen-extra", "guia-abrir-negocio-pt",
                     "curso-contabilidade-basica"):
            added = await add(browser, slug)
            assert added.status_code == 303 and added.headers["location"] == "/cart"
        cart = await browser.get("/cart?lang=en")
        assert cart.text.count('class="card"') == 2  # one part per vendor
        cookie = next(c for c in browser.http.cookies.jar if c.name == "ruta_checkout")
        assert cookie.has_nonstandard_attr("HttpOnly")
        bad = await browser.post("/checkout", {**ADDRESS, "postalCode": "8000"},
                                 form_page="/checkout")
        assert bad.status_code == 400
        assert "This postal code is not valid for the country." in bad.text
        saved = await browser.post("/checkout", ADDRESS)
        assert saved.status_code == 303
        page = await browser.get("/checkout")
        methods = re.findall(r'name="(shipping:[^"]+)" value="([^"]+)"', page.text)
        assert len(methods) == 1  # only the Spanish vendor ships goods
        chosen = await browser.post("/checkout/shipping", dict(methods),
                                    form_page="/checkout")
        assert chosen.status_code == 303
        refused = await browser.post("/checkout/pay", {}, form_page="/checkout")
        assert refused.status_code == 400 and 'aria-invalid="true"' in refused.text
        paid = await browser.post("/checkout/pay", {"consent": "on"}, form_page="/checkout")
        assert paid.status_code == 303
        returned = paid.headers["location"]
        assert returned.startswith("/orders/view?token=") and returned.endswith("&gateway=dummy")
        confirmed = await browser.get(returned)  # the dummy gateway's return: it pays
        assert confirmed.status_code == 303
        location = confirmed.headers["location"]
        order = await browser.get(location + "&lang=en")
        assert "ruta_checkout" not in browser.http.cookies
    assert order.status_code == 200
    assert order.text.count('class="card vendor-order"') == 2
    assert order.text.count("<strong>Paid</strong>") >= 2
    link = re.search(r'class="download" href="([^"]+)"', order.text)
    assert link is not None
    pdf = await client.http.get(urlparse(link.group(1)).path)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    token = parse_qs(urlparse(location).query)["token"][0]
    data = (await client.gql(CONSENT, {"t": token}))["orderByToken"]
    assert data["immediateSupplyConsentAt"] is not None
    assert len(data["vendorOrders"]) == 2


async def test_a_signed_in_buyer_sees_orders_and_changes_the_language(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        anonymous = await browser.get("/account")
        assert anonymous.headers["location"] == "/account/login?next=/account"
        wrong = await browser.post("/account/login", {"email": "customer@ruta.example",
                                                      "password": "nope"})
        assert wrong.status_code == 400
        await add(browser, "flor-de-sal-algarve")
        done = await browser.post("/account/login?next=/account", {
            "email": "customer@ruta.example", "password": DEMO_PASSWORD},
            form_page="/account/login")
        assert done.status_code == 303
        account = await browser.get("/account?lang=en")
        assert account.status_code == 200 and "customer@ruta.example" in account.text
        switched = await browser.post("/account/language", {"language": "fr"},
                                      form_page="/account")
        assert switched.status_code == 303
        french = await browser.get("/account")
        assert '<html lang="fr" dir="ltr">' in french.text and "Mon compte" in french.text


async def test_the_e_mailed_guest_link_opens_the_order_on_the_storefront(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        await add(browser, "flor-de-sal-algarve")
        await browser.post("/checkout", ADDRESS)
        page = await browser.get("/checkout")
        await browser.post("/checkout/shipping", dict(re.findall(
            r'name="(shipping:[^"]+)" value="([^"]+)"', page.text)), form_page="/checkout")
        paid = await browser.post("/checkout/pay", {}, form_page="/checkout")
        token = parse_qs(urlparse(paid.headers["location"]).query)["token"][0]
        order_id = guest_link.verify(demo.settings, token)
        assert order_id is not None
        mailed = urlparse(guest_link.link(demo.settings, order_id))
        unpaid = await browser.get(f"{mailed.path}?{mailed.query}&lang=en")
        stranger = await browser.get("/orders/view?token=forged&lang=en")
    assert unpaid.status_code == 200 and "Waiting for payment" in unpaid.text
    assert "Algarve fleur de sel" in unpaid.text
    assert stranger.status_code == 404


async def test_a_buyer_changes_the_password_downloads_their_data_and_deletes_the_account(
        app: Starlette, client: Client) -> None:
    await client.register("bea@example.com")
    async with Browser(app) as browser:
        await browser.post("/account/login", {"email": "bea@example.com",
                                              "password": PASSWORD})
        wrong = await browser.post("/account/password", {
            "oldPassword": "not-it-at-all", "newPassword": "a-new-password-1"},
            form_page="/account")
        assert wrong.status_code == 303
        changed = await browser.post("/account/password", {
            "oldPassword": PASSWORD, "newPassword": "a-new-password-1"}, form_page="/account")
        assert changed.status_code == 303
        assert "Your password is changed." in (await browser.get("/account?lang=en")).text
        exported = await browser.post("/account/export", {}, form_page="/account")
        assert exported.headers["content-disposition"].startswith("attachment")
        assert "bea@example.com" in exported.text
        kept = await browser.post("/account/delete", {"password": "wrong-password"},
                                  form_page="/account")
        assert kept.headers["location"] == "/account#privacy"
        gone = await browser.post("/account/delete", {"password": "a-new-password-1"},
                                  form_page="/account")
        assert gone.headers["location"] == "/"
        assert (await browser.get("/account")).status_code == 303  # signed out
    refused = await client.gql("""mutation { tokenCreate(email: "bea@example.com",
        password: "a-new-password-1") { token } }""")
    assert refused["tokenCreate"]["token"] is None


async def test_a_voucher_lowers_the_total_and_a_wrong_code_says_so(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        await add(browser, "vino-naranja-condado")
        await browser.post("/checkout", {**ADDRESS, "postalCode": "21700", "country": "ES",
                                         "city": "La Palma del Condado"})
        before = re.search(r'<span id="total">([^<]+)</span>',
                           (await browser.get("/checkout?lang=en")).text)
        wrong = await browser.post("/checkout/voucher", {"code": "NOPE"},
                                   form_page="/checkout")
        assert wrong.status_code == 303
        page = await browser.get("/checkout?lang=en")
        assert "This voucher code is not valid." in page.text
        await browser.post("/checkout/voucher", {"code": DEMO_VOUCHER}, form_page="/checkout")
        after = re.search(r'<span id="total">([^<]+)</span>',
                          (await browser.get("/checkout?lang=en")).text)
    assert before and after
    assert (before.group(1), after.group(1)) == ("€14.50", "€13.05")
