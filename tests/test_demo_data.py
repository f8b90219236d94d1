"""The demo marketplace (``ruta serve --demo``): what a first-time visitor finds in it."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from engine.accounts.models import User
from engine.catalog.models import Category, Product, ProductTranslation, ProductVariant
from engine.demo.data import DEMO_PASSWORD, DEMO_USERS, PRODUCTS
from engine.demo.promotions import DEMO_VOUCHERS
from engine.demo.seed import seed
from engine.promotions.models import Voucher
from engine.runtime import Runtime
from engine.vendors.models import Vendor, VendorMembership
from plugins.programme.demo_data import PEOPLE
from tests.client import Client

CATALOG = """{ products(first: 20) { totalCount edges { node {
  slug kind name vendor { name } variants { price { amount } } } } } }"""
CORE_KINDS = {"PHYSICAL", "DIGITAL", "SERVICE", "COURSE", "EVENT"}
APPROVED = {"Bodega y Dulces del Condado", "Sabores do Algarve", "Ediciones Doñana"}
PENDING = "Taller Raya"


def nodes(connection: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in connection["edges"]]


async def test_the_catalog_shows_approved_vendors_products_of_every_kind(
        demo: Runtime, client: Client) -> None:
    products = (await client.gql(CATALOG))["products"]
    listed = nodes(products)
    assert len(listed) == min(20, products["totalCount"]) >= 12
    assert {"Bodega y Dulces del Condado", "Sabores do Algarve"} <= {
        p["vendor"]["name"] for p in listed} <= APPROVED
    assert {p["kind"] for p in listed} >= CORE_KINDS
    for product in listed:
        assert product["name"] and product["variants"], product
        assert all(Decimal(v["price"]["amount"]) >= 0 for v in product["variants"])
    assert "plato-ceramica-raya" not in {p["slug"] for p in listed}


async def test_approved_vendors_in_huelva_and_faro(demo: Runtime, client: Client) -> None:
    data = await client.gql("""{ vendors(first: 10) { totalCount edges { node {
        name status country postalCode region } } } }""")
    by_name = {v["name"]: v for v in nodes(data["vendors"])}
    assert data["vendors"]["totalCount"] == 3 and set(by_name) == APPROVED
    vendors = {v["country"]: v for v in by_name.values() if v["name"] != "Ediciones Doñana"}
    assert by_name["Ediciones Doñana"]["postalCode"] == "21001"
    assert {v["status"] for v in vendors.values()} == {"APPROVED"}
    assert vendors["ES"]["postalCode"] == "21700" and "Huelva" in vendors["ES"]["region"]
    assert vendors["PT"]["postalCode"].startswith("8000") and "Faro" in vendors["PT"]["region"]


async def test_the_pending_vendor_and_its_products_are_not_public(demo: Runtime,
                                                                  client: Client) -> None:
    operator = await client.login("admin@ruta.example", DEMO_PASSWORD)
    pending = await client.gql("""query { vendors(first: 10, status: PENDING) { edges { node {
        name slug status products(first: 10) { edges { node { slug isPublished } } } } } } }""",
                               token=operator)
    [vendor] = nodes(pending["vendors"])
    assert vendor["name"] == PENDING and vendor["status"] == "PENDING"
    [product] = nodes(vendor["products"])
    assert product["isPublished"] is True  # published, yet hidden until approval

    lookup = """query($v: String!, $p: String!) { vendor(slug: $v) { id }
        product(slug: $p) { id } }"""
    slugs = {"v": vendor["slug"], "p": product["slug"]}
    assert await client.gql(lookup, slugs) == {"vendor": None, "product": None}
    customer = await client.login("customer@ruta.example", DEMO_PASSWORD)
    assert await client.gql(lookup, slugs, customer) == {"vendor": None, "product": None}
    search = """query($s: String!) { products(first: 10, filter: { search: $s }) {
        totalCount } }"""
    assert (await client.gql(search, {"s": "Raya"}))["products"]["totalCount"] == 0

    owner = await client.login("vendor.pending@ruta.example", DEMO_PASSWORD)
    mine = await client.gql("""{ myVendor { name status products(first: 10) {
        totalCount } } }""", token=owner)
    assert mine["myVendor"] == {"name": PENDING, "status": "PENDING",
                                "products": {"totalCount": 1}}


async def test_products_read_in_spanish_portuguese_and_english(demo: Runtime,
                                                               client: Client) -> None:
    query = """query($l: LanguageCodeEnum) { products(first: 50, languageCode: $l) {
        edges { node { slug name description } } } }"""
    names: dict[str, dict[str, str]] = {}
    for language in ("ES", "PT", "EN"):
        data = await client.gql(query, {"l": language})
        for node in nodes(data["products"]):
            names.setdefault(node["slug"], {})[language] = node["name"]
    expected = {spec["slug"]: spec["name"] for spec in PRODUCTS}
    assert len(names) >= 12
    for slug, by_language in names.items():
        assert by_language == expected[slug]
        assert len(set(by_language.values())) == 3, f"{slug}: {by_language}"

    one = """query($l: LanguageCodeEnum) { product(slug: "vino-naranja-condado",
        languageCode: $l) { name description } }"""
    wine = {lang: (await client.gql(one, {"l": lang}))["product"] for lang in ("ES", "PT", "EN")}
    assert wine["ES"] == {"name": "Vino Naranja del Condado",
                          "description": "Vino generoso con piel de naranja, 75 cl."}
    assert wine["PT"]["name"] == "Vinho Laranja do Condado"
    assert wine["EN"] == {"name": "Condado Orange Wine",
                          "description": "Fortified wine with orange peel, 75 cl."}
    async with demo.db.read() as session:
        languages = set(await session.scalars(select(ProductTranslation.language_code)))
    assert languages == {"ES", "PT", "EN"}


async def test_a_bookable_service_has_future_slots_with_capacity(demo: Runtime,
                                                                 client: Client) -> None:
    data = await client.gql("""{ products(first: 20, filter: { kind: SERVICE }) { edges {
        node { slug variants { sku startsAt endsAt capacity quantityAvailable } } } } }""")
    services = nodes(data["products"])
    assert services
    slots = [v for s in services for v in s["variants"] if v["startsAt"]]
    assert slots, "no bookable SERVICE variant"
    now = datetime.now(UTC)
    for slot in slots:
        starts = datetime.fromisoformat(slot["startsAt"])
        assert now < starts < datetime.fromisoformat(slot["endsAt"])
        assert slot["capacity"] >= 1 and slot["quantityAvailable"] == slot["capacity"]


async def test_the_demo_logins_sign_in_and_only_admin_is_operator(demo: Runtime,
                                                                   client: Client) -> None:
    assert DEMO_PASSWORD == "ruta-demo"
    emails = [email for email, _role in DEMO_USERS]
    assert {"admin@ruta.example", "vendor.es@ruta.example", "vendor.pt@ruta.example",
            "customer@ruta.example"} <= set(emails)
    me = "{ me { email isOperator } myVendor { name country } }"
    seen = {}
    for email in emails:
        token = await client.login(email, "ruta-demo")
        seen[email] = (await client.gql(me, token=token))
    assert seen["admin@ruta.example"]["me"] == {"email": "admin@ruta.example",
                                                "isOperator": True}
    assert [e for e, data in seen.items() if data["me"]["isOperator"]] == ["admin@ruta.example"]
    assert seen["vendor.es@ruta.example"]["myVendor"] == {
        "name": "Bodega y Dulces del Condado", "country": "ES"}
    assert seen["vendor.pt@ruta.example"]["myVendor"] == {
        "name": "Sabores do Algarve", "country": "PT"}
    assert seen["customer@ruta.example"]["myVendor"] is None
    wrong = await client.gql("""mutation { tokenCreate(email: "customer@ruta.example",
        password: "not-the-password") { token errors { code } } }""")
    assert wrong["tokenCreate"] == {"token": None, "errors": [{"code": "INVALID_CREDENTIALS"}]}


async def _counts(runtime: Runtime) -> dict[str, int]:
    async with runtime.db.read() as session:
        return {model.__name__: int(await session.scalar(
                    select(func.count()).select_from(model)) or 0)
                for model in (User, Vendor, VendorMembership, Category, Product,
                              ProductTranslation, ProductVariant)}


async def test_seeding_twice_is_a_no_op(demo: Runtime, client: Client) -> None:
    before = await _counts(demo)
    listed = (await client.gql(CATALOG))["products"]["totalCount"]
    assert await seed(demo) is False
    assert await _counts(demo) == before
    assert (await client.gql(CATALOG))["products"]["totalCount"] == listed
    # the programme plugin adds its assisted participants' accounts and one partner staff
    # login, partner@ruta.example (no vendors)
    assert before["User"] == len(DEMO_USERS) + PEOPLE + 1
    assert before["Product"] == len(PRODUCTS)


async def test_a_vendor_funded_and_a_platform_funded_voucher(demo: Runtime) -> None:
    async with demo.db.read() as session:
        found = {v.code: v for v in await session.scalars(select(Voucher))}
        es = await session.scalar(select(Vendor.id).where(
            Vendor.name == "Bodega y Dulces del Condado"))
    assert set(found) == {code for code, _note in DEMO_VOUCHERS} == {"RUTA10", "RUTA5"}
    assert found["RUTA10"].vendor_id == es  # the vendor pays its 10 %
    platform = found["RUTA5"]
    assert platform.vendor_id is None  # the platform pays
    assert (platform.kind, platform.value, platform.is_active) == ("FIXED", Decimal("5.00"),
                                                                   True)
