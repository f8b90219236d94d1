"""Journey 1 of issue 13, in the browser: register, apply, approval by the operator, a
product with a variant and stock, published, with a picture; a buyer orders it (API); the
vendor fulfils, refunds part, and reads the balance."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

from PIL import Image
from playwright.sync_api import Browser

from engine.web.formatting import Formatter
from tests.e2e.api import Api
from tests.e2e.driver import Audit, Driver

PASSWORD = "journey-password-1"
OPERATOR = ("admin@ruta.example", "ruta-demo")


def bottle_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 90), "olive").save(out, "PNG")
    return out.getvalue()


@dataclass
class Outcome:
    product_url: str
    order_url: str
    vendor_email: str


def vendor_journey(browser: Browser, base: str, api: Api, lang: str, audit: Audit, *,
                   keyboard: bool = False, tag: str = "") -> Outcome:
    tag = tag or f"{lang}{'-kb' if keyboard else ''}"
    email = f"vendor-{tag}@example.com"
    shop = f"Quinta {tag}"
    product = f"Aceite {tag}"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    me = Driver(context.new_page(), base, audit, keyboard=keyboard)

    # A new user registers and applies to sell.
    me.goto(f"/dashboard/register?lang={lang}", "register")
    me.fill("#email", email)
    me.fill("#password", PASSWORD)
    me.select("#languageCode", lang if lang in ("es", "pt") else "en")
    me.select("#country", "ES")
    me.press("form[action='/dashboard/register'] button[type=submit]", "apply")
    assert me.page.url.endswith("/dashboard/apply")
    me.fill("#name", shop)
    me.select("#country", "ES")
    me.fill("#postalCode", "21700")
    me.fill("#taxId", "B21000005")
    me.fill("#description", "Aceite de oliva virgen extra")
    me.check("#pricesIncludeTax")
    me.press("form[action='/dashboard/apply'] button[type=submit]", "home-pending")
    assert me.page.locator(".status.pending").count() == 1

    # The operator approves the application in the console.
    operator_context = browser.new_context(viewport={"width": 1280, "height": 900})
    operator = Driver(operator_context.new_page(), base, audit, keyboard=keyboard)
    operator.goto(f"/dashboard/login?lang={lang}", "login")
    operator.fill("#email", OPERATOR[0])
    operator.fill("#password", OPERATOR[1])
    operator.press("form[action^='/dashboard/login'] button[type=submit]", "operator-home")
    operator.press("nav.menu a[href='/dashboard/operator/vendors']", "applications")
    operator.press(f"li.card:has(h2:text-is('{shop}')) button[type=submit]", "approved")
    assert shop in operator.notice()
    operator_context.close()

    # The vendor adds shipping, a product, a variant with stock, and publishes it.
    me.goto("/dashboard/", "home-approved")
    assert me.page.locator(".status.approved").count() == 1
    me.press("nav.menu a[href='/dashboard/shipping']", "shipping")
    me.fill("#name", "Correos 48 h")
    me.fill("#price", "4.95")
    me.press("form[action='/dashboard/shipping'] button[type=submit]", "shipping-added")
    me.press("nav.menu a[href='/dashboard/products']", "products")
    me.press("main a[href='/dashboard/products/new']", "product-new")
    me.fill("#name", product)
    me.fill("#description", "Aceite de Huelva, 500 ml")
    me.select("#kind", "PHYSICAL")
    me.select("#taxClass", "STANDARD")
    me.fill("#attributes", "origin: Huelva")
    if lang != "pt":
        me.fill("#name_pt", f"Azeite {tag}")
    me.press("form[action='/dashboard/products/new'] button[type=submit]", "product")
    product_url = me.page.url.split("#")[0]
    me.fill("#sku", f"OIL-{tag}")
    me.fill("#variant-name", "500 ml")
    me.fill("#price", "12.50")
    me.fill("#stock", "10")
    me.press("form[action$='/variants'] button[type=submit]", "product-variant")
    assert me.page.locator("#variants tbody tr").count() == 1
    assert api.public_product(product) is None  # a draft is not public
    me.press("form[action$='/publish'] button[type=submit]", "product-published")
    public = api.public_product(product)
    assert public is not None, "the published product is in the public products query"

    # It adds a picture with its alt text; on a phone (360 px) nothing overflows the page.
    me.press("main a[href$='/images']", "pictures")
    me.page.set_input_files("#file", files=[{"name": "aceite.png", "mimeType": "image/png",
                                             "buffer": bottle_png()}])
    me.fill("#alt", "Botella de aceite")
    me.press("form[enctype='multipart/form-data'] button[type=submit]", "picture-added")
    assert me.page.locator(".pictures img[alt='Botella de aceite']").count() == 1
    me.page.set_viewport_size({"width": 360, "height": 800})
    assert me.page.evaluate("() => document.documentElement.scrollWidth") <= 360
    me.page.set_viewport_size({"width": 1280, "height": 900})

    # A buyer orders two through the API and pays.
    buyer = api.login("customer@ruta.example", "ruta-demo")
    vendor_order = api.buy(buyer, public["variants"][0]["id"], 2)

    # The vendor sees the order, fulfils it and refunds part of it.
    me.press("nav.menu a[href='/dashboard/orders']", "orders")
    me.select("#status", "PAID")
    me.press("form.filters button[type=submit]", "orders-to-fulfil")
    me.press(f"main a[href='/dashboard/orders/{vendor_order['id']}']", "order")
    order_url = me.page.url
    me.fill("#carrier", "Correos")
    me.fill("#trackingNumber", "PK123456789ES")
    me.press("form[action$='/fulfil'] button[type=submit]", "order-fulfilled")
    assert "PK123456789ES" in me.text("main") and "Correos" in me.text("main")
    told = api.gql("query($id: ID!) { order(id: $id) { vendorOrders { carrier trackingNumber "
                   "status } } }", {"id": vendor_order["orderId"]}, buyer)
    assert told["order"]["vendorOrders"] == [{"carrier": "Correos",
                                              "trackingNumber": "PK123456789ES",
                                              "status": "FULFILLED"}]
    me.fill("#amount", "5.00")
    me.press("form[action$='/refund'] button[type=submit]", "refund-confirm")
    assert me.page.locator("button.danger").count() == 1  # asks before refunding
    me.press("form[action$='/refund'] button.danger", "refunded")

    # The balance shows the right figures.
    me.press("nav.menu a[href='/dashboard/balance']", "balance")
    figures = api.balance(api.login(email, PASSWORD))
    formatter = Formatter(lang, "Europe/Madrid")
    assert figures["sales"] == vendor_order["total"]["gross"]["amount"]
    assert figures["refunded"] == "5.00"
    owed = (Decimal(figures["sales"]) - Decimal(figures["commission"])
            - Decimal(figures["refunded"]) - Decimal(figures["paidOut"]))
    assert Decimal(figures["owed"]) == owed
    for key, element in (("sales", "#balance-sales"), ("commission", "#balance-commission"),
                         ("refunded", "#balance-refunded"), ("owed", "#balance-owed")):
        assert me.text(element) == formatter.money(figures[key]), key
    me.press("nav.menu a[href='/dashboard/sales']", "sales")
    assert me.page.locator("svg.chart rect.bar").count() == 30
    assert me.page.locator("svg.chart rect.bar[height='0']").count() < 30  # today's sale
    me.press("a[href='/dashboard/sales?days=90']", "sales-90")
    assert me.page.locator("svg.chart rect.bar").count() == 90
    context.close()
    return Outcome(product_url, order_url, email)
