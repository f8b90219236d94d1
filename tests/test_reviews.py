"""Reviews: verified buyers only, one per order line and target, moderation, aggregates
without N+1."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from engine.api.ids import encode_id
from engine.orders.models import OrderLine
from engine.reviews.models import Review
from engine.vendors.models import Vendor
from tests.client import Client
from tests.shop import COMPLETE, build, checkout
from tests.test_query_counts import counting, fill

PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
CREATE = """mutation($i: ReviewCreateInput!) { reviewCreate(input: $i) {
  review { id rating text target languageCode } errors { field code message } } }"""
HIDE = """mutation($id: ID!, $r: String!) { reviewHide(id: $id, reason: $r) {
  review { isHidden } errors { field code message } } }"""
AGGREGATES = """query($id: ID!) { product(id: $id) { rating reviewCount
  vendor { rating reviewCount } } }"""
PURCHASED = """{ myPurchasedProducts { orderLineId productName vendorName
  review { rating } } }"""
BILLING = {"firstName": "A", "lastName": "B", "streetAddress1": "Rua 1", "city": "Faro",
           "postalCode": "8000-138", "country": "PT"}


async def bought(client: Client, token: str, *, pay: bool = True) -> tuple[Any, str]:
    """A fresh shop; ``token``'s buyer orders its e-book. Returns (shop, order line id)."""
    shop = await build(client)
    created = await checkout(client, {"ebook": 1}, shop, token, billingAddress=BILLING)
    order = (await client.gql(COMPLETE, {"id": created["id"]}, token))[
        "checkoutComplete"]["order"]
    if pay:
        operator = await client.login("shop-op@example.com")
        await client.gql(PAID, {"id": order["id"]}, operator)
    async with client.runtime.db.read() as session:
        line_id = await session.scalar(select(OrderLine.id).order_by(OrderLine.id.desc()))
    assert line_id is not None
    return shop, encode_id("OrderLine", line_id)


async def review(client: Client, token: str, line: str, target: str = "PRODUCT",
                 rating: int = 5, text: str = "Muy bueno") -> dict[str, Any]:
    data = await client.gql(CREATE, {"i": {"orderLineId": line, "target": target,
                                           "rating": rating, "text": text,
                                           "languageCode": "ES"}}, token)
    result: dict[str, Any] = data["reviewCreate"]
    return result


async def test_only_paying_buyers_review_once_per_line_and_target(client: Client) -> None:
    ana = await client.register("ana@example.com")
    _, unpaid_line = await bought(client, ana, pay=False)
    refused = await review(client, ana, unpaid_line)
    assert refused["review"] is None and refused["errors"][0]["code"] == "NOT_A_BUYER"
    luis = await client.register("luis@example.com")
    _, line = await bought_again(client, luis)
    stranger = await client.register("eve@example.com")
    assert (await review(client, stranger, line))["errors"][0]["code"] == "NOT_FOUND"
    bad = await review(client, luis, line, rating=6)
    assert bad["errors"][0]["code"] == "INVALID_RATING"
    done = await review(client, luis, line, text="Recetas claras")
    assert done["errors"] == [] and done["review"]["rating"] == 5
    again = await review(client, luis, line, rating=1)
    assert again["errors"][0]["code"] == "ALREADY_REVIEWED"
    vendor = await review(client, luis, line, target="VENDOR", rating=4)
    assert vendor["errors"] == [] and vendor["review"]["target"] == "VENDOR"
    async with client.runtime.db.read() as session:
        assert len((await session.scalars(select(Review))).all()) == 2


async def bought_again(client: Client, token: str) -> tuple[Any, str]:
    """Another purchase in the same database (the shop's vendors exist already)."""
    async with client.runtime.db.read() as session:
        variant = await session.scalar(select(OrderLine.variant_id).order_by(OrderLine.id))
    created = await client.gql(
        "mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { checkout { id } "
        "errors { code } } }", {"i": {"email": "l@example.com", "billingAddress": BILLING,
                                      "lines": [{"variantId": encode_id("ProductVariant",
                                                                        variant or 0),
                                                 "quantity": 1}]}}, token)
    checkout_id = created["checkoutCreate"]["checkout"]["id"]
    order = (await client.gql(COMPLETE, {"id": checkout_id}, token))["checkoutComplete"]["order"]
    operator = await client.login("shop-op@example.com")
    await client.gql(PAID, {"id": order["id"]}, operator)
    async with client.runtime.db.read() as session:
        line_id = await session.scalar(select(OrderLine.id).order_by(OrderLine.id.desc()))
    return None, encode_id("OrderLine", line_id or 0)


async def test_a_product_bought_twice_is_reviewed_once_and_listed_once(
        client: Client) -> None:
    ana = await client.register("ana@example.com")
    _, first = await bought(client, ana)
    _, second = await bought_again(client, ana)
    listed = (await client.gql(PURCHASED, token=ana))["myPurchasedProducts"]
    assert [(p["orderLineId"], p["review"]) for p in listed] == [(second, None)]
    assert (await review(client, ana, first, rating=4))["errors"] == []
    again = await review(client, ana, second, rating=1)
    assert again["errors"][0]["code"] == "ALREADY_REVIEWED"
    assert (await review(client, ana, second, target="VENDOR"))["errors"] == []
    [item] = (await client.gql(PURCHASED, token=ana))["myPurchasedProducts"]
    assert item["productName"] == "Recipes" and item["review"]["rating"] == 4
    eve = await client.register("eve@example.com")
    assert (await client.gql(PURCHASED, token=eve))["myPurchasedProducts"] == []
    anonymous = await client.raw(PURCHASED)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_hidden_reviews_leave_the_aggregates(client: Client) -> None:
    ana = await client.register("ana@example.com")
    _, line = await bought(client, ana)
    first = await review(client, ana, line, rating=5)
    await review(client, ana, line, target="VENDOR", rating=2)
    luis = await client.register("luis@example.com")
    _, second_line = await bought_again(client, luis)
    await review(client, luis, second_line, rating=2)
    async with client.runtime.db.read() as session:
        product_id = await session.scalar(select(OrderLine.product_id))
    product = encode_id("Product", product_id or 0)
    data = (await client.gql(AGGREGATES, {"id": product}))["product"]
    assert (data["rating"], data["reviewCount"]) == ("3.5", 2)
    assert (data["vendor"]["rating"], data["vendor"]["reviewCount"]) == ("2.0", 1)
    operator = await client.login("shop-op@example.com")
    denied = await client.raw(HIDE, {"id": first["review"]["id"], "r": "spam"}, luis)
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    hidden = await client.gql(HIDE, {"id": first["review"]["id"], "r": "Off-topic"}, operator)
    assert hidden["reviewHide"]["review"]["isHidden"] is True
    data = (await client.gql(AGGREGATES, {"id": product}))["product"]
    assert (data["rating"], data["reviewCount"]) == ("2.0", 1)
    listed = await client.gql("""query($p: ID!) { reviews(first: 10, productId: $p) {
        totalCount edges { node { rating } } } }""", {"p": product})
    assert listed["reviews"]["totalCount"] == 1


async def test_a_listing_with_ratings_costs_the_same_statements_for_5_and_50(
        client: Client) -> None:
    await client.vendor("n1@example.com", "N plus one")
    async with client.runtime.db.read() as session:
        vendor_id = await session.scalar(select(Vendor.id).where(Vendor.slug == "n-plus-one"))
    assert vendor_id is not None
    await fill(client, vendor_id, 50)
    await client.runtime.dispatcher.drain()  # count the request, not background deliveries
    listing = """query($n: Int!) { products(first: $n) { edges { node { name rating
        reviewCount vendor { rating reviewCount } } } } }"""
    used = {}
    for n in (5, 50):
        with counting(client.runtime) as statements:
            data = await client.gql(listing, {"n": n})
        assert len(data["products"]["edges"]) == n
        assert data["products"]["edges"][0]["node"]["reviewCount"] == 0
        used[n] = len(statements)
    assert used[5] == used[50] <= 4, used  # page, vendors, product and vendor ratings
