"""Reviews: verified buyers only, one per order line and target, moderation, aggregates
without N+1."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from engine.api.ids import encode_id
from engine.orders.models import OrderLine
from engine.payments.models import RefundLine
from engine.reviews.models import Review
from engine.vendors.models import Vendor
from tests.client import Client
from tests.shop import COMPLETE, Shop, build, checkout, ready
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


REFUND = """mutation($v: ID!, $l: [ID!], $a: Decimal) {
  orderRefund(vendorOrderId: $v, lineIds: $l, amount: $a) {
  refund { amount { amount } status } errors { field code message } } }"""
REFUNDED_ES = "Esta compra fue reembolsada, así que no se puede valorar."
REFUNDED_FR = "Cet achat a été remboursé : il ne peut donc pas être évalué."


async def two_lines(client: Client, shop: Shop, token: str) -> tuple[str, dict[str, str]]:
    """``token``'s buyer pays one vendor order with a wine and an e-book: its id and the
    line ids by product name."""
    checkout_id = await ready(client, shop, {"wine": 1, "ebook": 1}, token,
                              billingAddress=BILLING)
    order = (await client.gql(COMPLETE, {"id": checkout_id}, token))["checkoutComplete"]["order"]
    [vendor_order] = order["vendorOrders"]
    assert len(vendor_order["lines"]) == 2
    operator = await client.login("shop-op@example.com")
    await client.gql(PAID, {"id": order["id"]}, operator)
    async with client.runtime.db.read() as session:
        rows = (await session.execute(select(OrderLine.product_name, OrderLine.id).order_by(
            OrderLine.id.desc()).limit(2))).all()
    return vendor_order["id"], {name: encode_id("OrderLine", line_id) for name, line_id in rows}


async def refund(client: Client, token: str, vendor_order: str,
                 **given: Any) -> dict[str, Any]:
    result: dict[str, Any] = (await client.gql(REFUND, {"v": vendor_order, **given}, token)
                              )["orderRefund"]
    return result


async def review_in(client: Client, token: str, line: str, language: str,
                    target: str = "PRODUCT") -> dict[str, Any]:
    data = await client.gql(CREATE, {"i": {"orderLineId": line, "target": target, "rating": 4,
                                           "text": "Bien", "languageCode": language}}, token)
    result: dict[str, Any] = data["reviewCreate"]
    return result


async def purchased(client: Client, token: str) -> list[str]:
    return [p["productName"] for p in (await client.gql(PURCHASED, token=token))[
        "myPurchasedProducts"]]


async def test_a_refunded_line_cannot_be_reviewed_but_the_rest_of_its_order_can(
        client: Client) -> None:
    shop = await build(client)
    ana = await client.register("ana@example.com")
    vendor_order, lines = await two_lines(client, shop, ana)
    assert sorted(await purchased(client, ana)) == ["Recipes", "Wine"]
    done = await refund(client, shop.es_token, vendor_order, l=[lines["Recipes"]])
    assert done["errors"] == [] and done["refund"]["amount"]["amount"] == "4.99"
    again = await refund(client, shop.es_token, vendor_order, l=[lines["Recipes"]])
    assert again["refund"] is None and again["errors"][0]["code"] == "ALREADY_REFUNDED"

    refused = await review_in(client, ana, lines["Recipes"], "ES")
    assert refused["review"] is None
    assert refused["errors"] == [{"field": "orderLineId", "code": "REFUNDED",
                                  "message": REFUNDED_ES}]
    french = await review_in(client, ana, lines["Recipes"], "FR", target="VENDOR")
    assert (french["errors"][0]["code"], french["errors"][0]["message"]) == (
        "REFUNDED", REFUNDED_FR)
    assert await purchased(client, ana) == ["Wine"]
    kept = await review_in(client, ana, lines["Wine"], "ES")
    assert kept["errors"] == [] and kept["review"]["rating"] == 4
    assert (await review_in(client, ana, lines["Wine"], "ES", target="VENDOR"))["errors"] == []
    async with client.runtime.db.read() as session:
        reviewed = set(await session.scalars(select(Review.order_line_id)))
        given_back = (await session.execute(select(RefundLine.order_line_id,
                                                   RefundLine.quantity))).all()
    assert {encode_id("OrderLine", i) for i in reviewed} == {lines["Wine"]}
    assert [(encode_id("OrderLine", i), q) for i, q in given_back] == [(lines["Recipes"], 1)]


async def test_a_whole_order_refund_refuses_every_line(client: Client) -> None:
    shop = await build(client)
    luis = await client.register("luis@example.com")
    vendor_order, lines = await two_lines(client, shop, luis)
    part = await refund(client, shop.es_token, vendor_order, a="1.00")
    assert part["errors"] == [] and part["refund"]["status"] == "SUCCEEDED"
    # an amount alone gives no line back: both are still reviewable
    assert sorted(await purchased(client, luis)) == ["Recipes", "Wine"]
    rest = await refund(client, shop.es_token, vendor_order)
    assert rest["errors"] == [] and rest["refund"]["status"] == "SUCCEEDED"
    for line in lines.values():
        for target in ("PRODUCT", "VENDOR"):
            refused = await review_in(client, luis, line, "ES", target=target)
            assert refused["review"] is None
            assert (refused["errors"][0]["code"], refused["errors"][0]["message"]) == (
                "REFUNDED", REFUNDED_ES)
    assert await purchased(client, luis) == []
    async with client.runtime.db.read() as session:
        assert await session.scalar(select(Review.id)) is None
        given_back = set(await session.scalars(select(RefundLine.order_line_id)))
    assert {encode_id("OrderLine", i) for i in given_back} == set(lines.values())
