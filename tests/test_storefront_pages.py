"""The storefront in process, on the demo marketplace: pages, prices for the buyer's place,
search, the cart across vendors, the language and the budgets (documents per page)."""

from __future__ import annotations

import ast
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from graphql import build_schema, parse, validate
from starlette.applications import Starlette

from engine.runtime import Runtime
from tests.client import Client
from tests.test_price_history import NOW, PRICE, PROMO, clock_at
from tests.web_browser import Browser

ROOT = Path(__file__).resolve().parents[1]
STOREFRONT = ROOT / "plugins" / "storefront"
EBOOK = "/products/cocina-donana-ebook"


def place(browser: Browser, country: str, postal_code: str) -> None:
    browser.http.cookies.set("ruta_place", f"{country}:{postal_code}",
                             domain="testserver.local")


def gross_price(html: str) -> str:
    found = re.search(r'<p class="price" id="price">([^<]+)</p>', html)
    assert found, html[:2000]
    return found.group(1)


async def test_the_home_page_shows_categories_and_products_with_strict_headers(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        home = await browser.get("/?lang=es")
    assert home.status_code == 200
    assert '<html lang="es" dir="ltr">' in home.text
    assert "Alimentación y bebidas" in home.text and 'href="/products/' in home.text
    csp = home.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert re.search(r"<script(?![^>]*\b(src=|type=\"application/ld\+json\"))",
                     home.text) is None
    assert " style=" not in home.text
    assert '<link rel="alternate" hreflang="ar"' in home.text
    assert '<link rel="canonical" href="http://testserver/?lang=es">' in home.text


async def test_the_e_book_shows_the_vat_of_huelva_faro_and_las_palmas(
        app: Starlette, demo: Runtime) -> None:
    seen = []
    async with Browser(app) as browser:
        for country, postal_code in (("ES", "21700"), ("PT", "8000-283"), ("ES", "35001")):
            place(browser, country, postal_code)
            page = await browser.get(f"{EBOOK}?lang=en")
            assert page.status_code == 200
            seen.append(gross_price(page.text))
    assert seen == ["€9.36", "€9.54", "€9.00"]


async def test_the_place_is_chosen_once_in_a_form_and_kept_in_a_cookie(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        bad = await browser.post("/place", {"country": "ES", "postalCode": "%%",
                                            "next": EBOOK}, form_page=EBOOK)
        assert bad.status_code == 400
        done = await browser.post("/place", {"country": "PT", "postalCode": "8000-283",
                                             "next": EBOOK}, form_page=EBOOK)
        assert done.status_code == 303 and done.headers["location"] == EBOOK
        cookie = next(c for c in browser.http.cookies.jar if c.name == "ruta_place")
        assert cookie.has_nonstandard_attr("HttpOnly")
        page = await browser.get(f"{EBOOK}?lang=pt")
    assert gross_price(page.text) == "9,54\u00a0€"


async def test_search_ignores_accents_and_filters_narrow_the_listing(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        olive = await browser.get("/products?q=azeite&lang=pt")
        assert "Azeite virgem extra" in olive.text
        accents = await browser.get("/products?q=financiacion&lang=es")
        assert "Financiación para emprendedores" in accents.text
        courses = await browser.get("/products?kind=COURSE&sort=-price&lang=en")
        names = re.findall(r'<span class="name"[^>]*>([^<]+)</span>', courses.text)
        assert names[0] == "Sustainable tourism" and "Extra virgin olive oil" not in names
        cheap = await browser.get("/products?max=6&lang=en")
        assert "Extra virgin olive oil" not in cheap.text
        assert "Algarve fleur de sel" in cheap.text


async def test_the_product_page_has_variants_seats_vendor_and_json_ld(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        page = await browser.get("/products/workshop-cataplana?lang=en")
        vendor = await browser.get("/vendors/" + re.search(
            r'href="/vendors/([^"]+)"', page.text).group(1) + "?lang=en")  # type: ignore[union-attr]
        missing = await browser.get("/products/nothing-here")
    assert "12 seats left" in page.text and "Cataplana cooking workshop" in page.text
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>',
                                page.text, re.S).group(1))  # type: ignore[union-attr]
    assert data["@type"] == "Product" and data["offers"][0]["price"] == "45.00"
    assert vendor.status_code == 200 and "Workshop de cataplana" not in vendor.text
    assert "Cataplana cooking workshop" in vendor.text
    assert missing.status_code == 404


LOWEST = {"es": "Precio más bajo de los 30 días anteriores a la promoción: 15,00",
          "pt": "Preço mais baixo nos 30 dias anteriores à promoção: 15,00",
          "en": "Lowest price in the 30 days before the promotion: €15.00",
          "fr": "Prix le plus bas des 30 jours précédant la promotion : 15,00",
          "ar": "أدنى سعر خلال الثلاثين يومًا السابقة للعرض:",
          "ro": "Cel mai mic preț din cele 30 de zile dinaintea promoției: 15,00",
          "uk": "Найнижча ціна за 30 днів до акції: 15,00"}


async def test_a_promoted_price_shows_the_previous_one_struck_and_the_lowest_of_30_days(
        client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """Directive 98/6/EC art. 6a: beside the reduced price, the lowest price of the 30 days
    before the promotion (15.00 here, not the 25.00 it was reduced from)."""
    at = clock_at(monkeypatch)
    token, _ = await client.vendor("v@example.com", "Precios")
    at(timedelta(days=40))
    product, variant = await client.product(token, "Miel de brezo", price="10.00")
    for days, price in ((35, "20.00"), (25, "15.00"), (10, "25.00")):
        at(timedelta(days=days))
        await client.gql(PRICE, {"id": variant, "p": price}, token)
    at(timedelta(0))
    slug = (await client.gql("query($id: ID!) { product(id: $id) { slug } }",
                             {"id": product}))["product"]["slug"]
    client.http.cookies.set("ruta_place", "ES:28001", domain="testserver.local")
    before = await client.http.get(f"/products/{slug}?lang=en")
    assert gross_price(before.text) == "€25.00" and "<del" not in before.text
    assert (await client.gql(PROMO, {"i": {
        "name": "Primavera", "kind": "PERCENTAGE", "value": "20.00",
        "startsAt": (NOW - timedelta(hours=1)).isoformat()}}, token)
            )["promotionCreate"]["errors"] == []
    page = (await client.http.get(f"/products/{slug}?lang=en")).text
    assert re.search(r'<p class="price promoted" id="price">€20.00\s*<del id="previous-price">'
                     r'<span class="visually-hidden">Previous price:</span> €25.00</del>', page)
    assert 'Promotion: <span translate="no">Primavera</span>' in page
    assert LOWEST["en"] in page and "VAT included for" in page
    for language, line in LOWEST.items():
        shown = (await client.http.get(f"/products/{slug}?lang={language}")).text
        assert line in shown, language
        assert shown.count("<del") == 2  # the heading and the variant's price


async def test_the_demo_promotion_shows_on_its_products_only(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        place(browser, "PT", "8000-283")
        promoted = (await browser.get("/products/workshop-cataplana?lang=pt")).text
        plain = (await browser.get(f"{EBOOK}?lang=pt")).text
    assert 'class="price promoted"' in promoted and "Sabores de inverno" in promoted
    assert "Preço anterior:" in promoted
    assert "Preço mais baixo" not in promoted  # no price before the promotion started
    assert "<del" not in plain and 'class="price" id="price"' in plain


async def test_arabic_pages_are_right_to_left_and_translated(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        page = await browser.get("/?lang=ar")
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "Products" not in page.text.split("<main")[0]  # the header is translated


async def test_each_storefront_page_runs_at_most_two_documents(
        app: Starlette, demo: Runtime) -> None:
    pages = ["/", "/products", "/products?q=azeite", "/products?kind=EVENT&sort=price",
             EBOOK, "/products/workshop-cataplana", "/cart", "/place", "/offline",
             "/sitemap.xml"]
    async with Browser(app) as browser:
        for path in pages:
            assert (await browser.get(path)).status_code == 200, path
    counts = {path: count for path, count, _size in browser.documents}
    assert set(pages) - {"/sitemap.xml"} <= set(counts)
    assert max(counts.values()) <= 2, counts


def test_the_storefront_imports_only_the_public_plugin_api() -> None:
    for path in STOREFRONT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name == "engine" or name.startswith("engine."):
                    assert name == "engine.plugins.api", f"{path.name} imports {name}"
                if name.startswith("plugins.") and not name.startswith("plugins.storefront"):
                    pytest.fail(f"{path.name} imports another plugin: {name}")


async def test_the_web_app_files_and_what_search_engines_read(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        manifest = await browser.get("/manifest.webmanifest")
        worker = await browser.get("/sw.js")
        icon = await browser.get("/static/icon-512.png")
        robots = await browser.get("/robots.txt")
        sitemap = await browser.get("/sitemap.xml")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    fields = manifest.json()
    assert fields["display"] == "standalone" and fields["start_url"].startswith("/")
    assert {i["sizes"] for i in fields["icons"]} >= {"192x192", "512x512"}
    assert worker.headers["content-type"].startswith("text/javascript")
    assert '"/offline"' in worker.text and "caches.match" in worker.text
    assert icon.status_code == 200 and icon.content.startswith(b"\x89PNG")
    assert "Disallow: /checkout" in robots.text
    assert "Sitemap: http://testserver/sitemap.xml" in robots.text
    assert "<loc>http://testserver/products/cocina-donana-ebook</loc>" in sitemap.text
    assert 'hreflang="uk" href="http://testserver/products/cocina-donana-ebook?lang=uk"' \
        in sitemap.text


def test_every_storefront_document_matches_the_published_schema() -> None:
    schema = build_schema((ROOT / "schema" / "schema.graphql").read_text(encoding="utf-8"))
    documents = sorted((STOREFRONT / "graphql").glob("*.graphql"))
    assert len(documents) >= 20
    for path in documents:
        source = path.read_text(encoding="utf-8")
        assert source.startswith("# Storefront"), path.name  # says which page uses it
        assert validate(schema, parse(source)) == [], path.name
