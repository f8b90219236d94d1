"""What the demo shows off: tax classes that differ by place, a picture on every product,
and an e-book that is a real PDF behind a signed link."""

from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func, select

from engine.catalog.models import Product
from engine.demo.data import DEMO_PASSWORD
from engine.media.models import ProductMedia
from engine.runtime import Runtime
from tests.client import Client

PRICE = """query($slug: String!, $pc: String!, $c: CountryCode!) { product(slug: $slug) {
  taxClass pricing(country: $c, postalCode: $pc) { net { amount } tax { amount }
  gross { amount } } } }"""
PICTURES = """query($after: String) { products(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { slug thumbnail media { url } } } } }"""
BUY = """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { checkout { id }
  errors { field code message } } }"""
COMPLETE = """mutation($id: ID!) { checkoutComplete(id: $id, paymentGateway: "dummy") {
  order { id status } errors { code message } } }"""
CONFIRM = """mutation($id: ID!) { dummyPaymentConfirm(orderId: $id, succeed: true) {
  order { status }
  errors { code message } } }"""
LINKS = """query($id: ID!) { order(id: $id) { vendorOrders { lines { productName
  downloadUrl } } } }"""


async def gross(client: Client, slug: str, country: str, postal_code: str) -> dict[str, Any]:
    data = await client.gql(PRICE, {"slug": slug, "c": country, "pc": postal_code})
    product: dict[str, Any] = data["product"]
    return product


async def test_the_demo_e_book_costs_differ_in_spain_portugal_and_the_canaries(
        demo: Runtime, client: Client) -> None:
    """Net price 9.00, an OSS-registered Spanish publisher opted in to destination VAT:
    4% in Spain (super-reduced e-book rate), 6% in Portugal, none in the Canary Islands
    (outside the EU VAT territory)."""
    spain = await gross(client, "cocina-donana-ebook", "ES", "21700")
    portugal = await gross(client, "cocina-donana-ebook", "PT", "8000-283")
    canaries = await gross(client, "cocina-donana-ebook", "ES", "35001")
    assert spain["taxClass"] == "EBOOKS"
    assert [p["pricing"]["gross"]["amount"] for p in (spain, portugal, canaries)] == [
        "9.36", "9.54", "9.00"]
    book = await gross(client, "caminos-guadiana-libro", "ES", "21700")
    oil = await gross(client, "aceite-virgen-extra", "ES", "21700")
    assert (book["taxClass"], oil["taxClass"]) == ("BOOKS", "FOOD_BASIC")


async def test_every_demo_product_has_a_picture_with_thumbnails(demo: Runtime,
                                                                client: Client) -> None:
    assert demo.dispatcher is not None
    await demo.dispatcher.drain()
    nodes: list[dict[str, Any]] = []
    after = None
    while True:
        page = (await client.gql(PICTURES, {"after": after}))["products"]
        nodes += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    async with demo.db.read() as session:
        products = await session.scalar(select(func.count()).select_from(Product))
        pictured = await session.scalar(select(func.count(distinct(ProductMedia.product_id))))
    assert products == pictured and len(nodes) >= 20
    for node in nodes:
        assert node["media"], node["slug"]
        assert node["thumbnail"].endswith("-400.webp"), node["slug"]
        served = await client.http.get(node["thumbnail"].replace("http://127.0.0.1:8000", ""))
        assert served.status_code == 200 and served.headers["content-type"] == "image/webp"


async def test_the_demo_e_book_is_a_real_pdf_behind_a_signed_link(demo: Runtime,
                                                                   client: Client) -> None:
    token = await client.login("customer@ruta.example", DEMO_PASSWORD)
    variant = (await client.gql("""{ product(slug: "recetario-condado") {
        variants { id } } }"""))["product"]["variants"][0]["id"]
    billing = {"firstName": "Ana", "lastName": "Silva", "streetAddress1": "Rua do Sol 1",
               "city": "Faro", "postalCode": "8000-283", "country": "PT"}
    created = await client.gql(BUY, {"i": {"email": "customer@ruta.example",
                                           "lines": [{"variantId": variant, "quantity": 1}],
                                           "billingAddress": billing}}, token)
    assert created["checkoutCreate"]["errors"] == []
    done = await client.gql(COMPLETE, {"id": created["checkoutCreate"]["checkout"]["id"]}, token)
    order = done["checkoutComplete"]["order"]
    confirmed = await client.gql(CONFIRM, {"id": order["id"]}, token)
    assert confirmed["dummyPaymentConfirm"]["order"]["status"] == "PAID"
    lines = (await client.gql(LINKS, {"id": order["id"]}, token))["order"]["vendorOrders"][0]
    link = lines["lines"][0]["downloadUrl"]
    response = await client.http.get(link.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and b"%%EOF" in response.content[-64:]
