"""Catalog: products and variants owned by vendors, visibility, translations, filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from engine.api.ids import encode_id
from engine.catalog.models import Category, Product, ProductTranslation, ProductVariant
from tests.client import Client

CREATE = """mutation($i: ProductCreateInput!) { productCreate(input: $i) {
  product { id name slug kind taxClass isPublished } errors { field code message } } }"""
UPDATE = """mutation($id: ID!, $i: ProductUpdateInput!) { productUpdate(id: $id, input: $i) {
  product { id name description isPublished } errors { field code message } } }"""
DELETE = """mutation($id: ID!) { productDelete(id: $id) { product { id } errors { code } } }"""
VARIANT = """mutation($i: ProductVariantCreateInput!) { productVariantCreate(input: $i) {
  variant { id sku price { amount currency } quantityAvailable startsAt capacity }
  errors { field code message } } }"""
VARIANT_UPDATE = """mutation($id: ID!, $i: ProductVariantUpdateInput!) {
  productVariantUpdate(id: $id, input: $i) { variant { sku price { amount } quantityAvailable }
  errors { field code message } } }"""
STOCK = """mutation($v: ID!, $q: Int!) { stockUpdate(variantId: $v, quantity: $q) {
  variant { quantityAvailable } errors { field code message } } }"""
PRODUCT = """query($id: ID, $slug: String, $lang: LanguageCodeEnum) {
  product(id: $id, slug: $slug, languageCode: $lang) {
    id name description vendor { name } variants { sku price { amount } } } }"""
LIST = """query($first: Int, $after: String, $last: Int, $before: String,
  $filter: ProductFilterInput, $lang: LanguageCodeEnum) {
  products(first: $first, after: $after, last: $last, before: $before, filter: $filter,
           languageCode: $lang) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } } } }"""


async def counts(client: Client) -> tuple[int, int, int]:
    found = []
    async with client.runtime.db.read() as session:
        for model in (Product, ProductVariant, ProductTranslation):
            found.append(int(await session.scalar(select(func.count()).select_from(model)) or 0))
    return found[0], found[1], found[2]


async def test_vendor_staff_create_products_with_variants(client: Client) -> None:
    token, _ = await client.vendor("seller@example.com", "Seller")
    data = await client.gql(CREATE, {"i": {"name": "  Miel de Doñana ", "kind": "PHYSICAL",
                                           "isPublished": True, "taxClass": "STANDARD"}}, token)
    product = data["productCreate"]["product"]
    assert product["name"] == "Miel de Doñana" and product["slug"] == "miel-de-donana"
    assert product["taxClass"] == "STANDARD" and product["kind"] == "PHYSICAL"
    variant = await client.gql(VARIANT, {"i": {"productId": product["id"], "sku": "MIEL-1",
                                               "price": "7.5", "stock": 12}}, token)
    created = variant["productVariantCreate"]["variant"]
    assert created["price"] == {"amount": "7.50", "currency": "EUR"}
    assert created["quantityAvailable"] == 12


async def test_customers_and_anonymous_users_cannot_create_products(client: Client) -> None:
    customer = await client.register("buyer@example.com")
    body = await client.raw(CREATE, {"i": {"name": "Nope", "kind": "PHYSICAL"}}, customer)
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    anonymous = await client.raw(CREATE, {"i": {"name": "Nope", "kind": "PHYSICAL"}})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await counts(client) == (0, 0, 0)


async def test_bad_product_input_gets_typed_errors_and_writes_nothing(client: Client) -> None:
    token, vendor_id = await client.vendor("strict@example.com", "Strict")
    cases = [
        ({"name": "", "kind": "PHYSICAL"}, "name", "REQUIRED"),
        ({"name": "x" * 201, "kind": "PHYSICAL"}, "name", "TOO_LONG"),
        ({"name": "Ok", "kind": "PHYSICAL", "taxClass": "TWENTY_ONE_PERCENT"}, "taxClass",
         "INVALID"),
        ({"name": "Ok", "kind": "PHYSICAL", "categoryId": vendor_id}, "categoryId",
         "INVALID_ID"),
        ({"name": "Ok", "kind": "PHYSICAL", "categoryId": "Q2F0ZWdvcnk6OTk5"}, "categoryId",
         "NOT_FOUND"),
        ({"name": "Ok", "kind": "PHYSICAL", "slug": "Not A Slug"}, "slug", "INVALID"),
        ({"name": "Ok", "kind": "PHYSICAL", "translations": [
            {"languageCode": "PT", "name": "Um"}, {"languageCode": "PT", "name": "Dois"}]},
         "translations.1.languageCode", "DUPLICATED"),
    ]
    for given, field, code in cases:
        data = await client.gql(CREATE, {"i": given}, token)
        assert data["productCreate"]["product"] is None, given
        first = data["productCreate"]["errors"][0]
        assert (first["field"], first["code"]) == (field, code), given
    assert await counts(client) == (0, 0, 0)


async def test_bad_variant_input_gets_typed_errors_and_writes_nothing(client: Client) -> None:
    token, _ = await client.vendor("vars@example.com", "Vars")
    product_id, variant_id = await client.product(token, "Cheese")
    soon = datetime.now(UTC) + timedelta(days=3)
    cases = [
        ({"sku": "A", "price": "-1.00"}, "price", "INVALID"),
        ({"sku": "A", "price": "1.001"}, "price", "INVALID"),
        ({"sku": "A", "price": "1.00", "stock": -3}, "stock", "INVALID"),
        ({"sku": "", "price": "1.00"}, "sku", "REQUIRED"),
        ({"sku": f"SKU-{product_id[-6:]}", "price": "1.00"}, "sku", "UNIQUE"),
        ({"sku": "SLOT", "price": "1.00", "startsAt": soon.isoformat(),
          "endsAt": (soon + timedelta(hours=1)).isoformat(), "capacity": 3},
         "startsAt", "NOT_BOOKABLE"),
    ]
    for given, field, code in cases:
        data = await client.gql(VARIANT, {"i": {"productId": product_id, **given}}, token)
        assert data["productVariantCreate"]["variant"] is None, given
        first = data["productVariantCreate"]["errors"][0]
        assert (first["field"], first["code"]) == (field, code), given
    bad_stock = await client.gql(STOCK, {"v": variant_id, "q": -1}, token)
    assert bad_stock["stockUpdate"]["errors"][0]["code"] == "INVALID"
    wrong_type = await client.gql(STOCK, {"v": product_id, "q": 1}, token)
    assert wrong_type["stockUpdate"]["errors"][0] == {
        "field": "variantId", "code": "INVALID_ID",
        "message": "Expected a ProductVariant ID, got a Product ID."}
    not_decimal = await client.raw(VARIANT, {"i": {"productId": product_id, "sku": "Z",
                                                   "price": "ten euros"}}, token)
    assert "Invalid decimal" in not_decimal["errors"][0]["message"]
    assert await counts(client) == (1, 1, 0)
    listing = await client.gql(PRODUCT, {"id": product_id})
    assert listing["product"]["variants"] == [{"sku": f"SKU-{product_id[-6:]}",
                                               "price": {"amount": "10.00"}}]


async def test_bookable_variants_need_a_slot_and_capacity(client: Client) -> None:
    token, _ = await client.vendor("slots@example.com", "Slots")
    data = await client.gql(CREATE, {"i": {"name": "Legal advice", "kind": "SERVICE",
                                           "isPublished": True}}, token)
    product_id = data["productCreate"]["product"]["id"]
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    end = start + timedelta(hours=1)
    no_capacity = await client.gql(VARIANT, {"i": {
        "productId": product_id, "sku": "S1", "price": "60", "startsAt": start.isoformat(),
        "endsAt": end.isoformat()}}, token)
    assert no_capacity["productVariantCreate"]["errors"][0]["field"] == "capacity"
    backwards = await client.gql(VARIANT, {"i": {
        "productId": product_id, "sku": "S1", "price": "60", "startsAt": end.isoformat(),
        "endsAt": start.isoformat(), "capacity": 1}}, token)
    assert backwards["productVariantCreate"]["errors"][0]["field"] == "endsAt"
    naive = await client.gql(VARIANT, {"i": {
        "productId": product_id, "sku": "S1", "price": "60",
        "startsAt": start.replace(tzinfo=None).isoformat(),
        "endsAt": end.isoformat(), "capacity": 1}}, token)
    assert naive["productVariantCreate"]["errors"][0]["field"] == "startsAt"
    ok = await client.gql(VARIANT, {"i": {
        "productId": product_id, "sku": "S1", "price": "60", "startsAt": start.isoformat(),
        "endsAt": end.isoformat(), "capacity": 4}}, token)
    slot = ok["productVariantCreate"]["variant"]
    assert slot["capacity"] == 4 and slot["quantityAvailable"] == 4
    assert datetime.fromisoformat(slot["startsAt"]) == start


async def test_a_vendor_cannot_touch_another_vendors_catalog(client: Client) -> None:
    owner, _ = await client.vendor("owner@example.com", "Owner")
    thief, _ = await client.vendor("thief@example.com", "Thief")
    product_id, variant_id = await client.product(owner, "Jamón", stock=3)
    attempts = [
        (UPDATE, {"id": product_id, "i": {"name": "Stolen"}}),
        (DELETE, {"id": product_id}),
        (VARIANT_UPDATE, {"id": variant_id, "i": {"price": "0.01"}}),
        (STOCK, {"v": variant_id, "q": 0}),
        (VARIANT, {"i": {"productId": product_id, "sku": "X", "price": "1"}}),
    ]
    for query, variables in attempts:
        body = await client.raw(query, variables, thief)
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED", query
    product = await client.gql(PRODUCT, {"id": product_id})
    assert product["product"]["name"] == "Jamón"
    assert product["product"]["variants"] == [{"sku": f"SKU-{product_id[-6:]}",
                                               "price": {"amount": "10.00"}}]


async def test_owner_updates_partially_deletes_and_sets_stock(client: Client) -> None:
    token, _ = await client.vendor("ed@example.com", "Editor")
    product_id, variant_id = await client.product(token, "Queso", description="Curado")
    data = await client.gql(UPDATE, {"id": product_id, "i": {"isPublished": False}}, token)
    assert data["productUpdate"]["product"] == {"id": product_id, "name": "Queso",
                                                "description": "Curado", "isPublished": False}
    stock = await client.gql(STOCK, {"v": variant_id, "q": 42}, token)
    assert stock["stockUpdate"]["variant"]["quantityAvailable"] == 42
    renamed = await client.gql(VARIANT_UPDATE, {"id": variant_id, "i": {"sku": "NEW"}}, token)
    assert renamed["productVariantUpdate"]["variant"] == {
        "sku": "NEW", "price": {"amount": "10.00"}, "quantityAvailable": 42}
    deleted = await client.gql(DELETE, {"id": product_id}, token)
    assert deleted["productDelete"]["errors"] == []
    assert await counts(client) == (0, 0, 0)
    gone = await client.gql(DELETE, {"id": product_id}, token)
    assert gone["productDelete"]["errors"][0]["code"] == "NOT_FOUND"


async def test_unapproved_vendors_and_unpublished_products_stay_private(client: Client) -> None:
    pending, _ = await client.vendor("pending@example.com", "Pending", approve=False)
    approved, _ = await client.vendor("approved@example.com", "Approved")
    hidden_id, hidden_variant = await client.product(pending, "Hidden")
    draft_id, _ = await client.product(approved, "Draft", published=False)
    live_id, _ = await client.product(approved, "Live")
    public = await client.gql(LIST, {"first": 10})
    assert [e["node"]["name"] for e in public["products"]["edges"]] == ["Live"]
    assert public["products"]["totalCount"] == 1
    for product_id in (hidden_id, draft_id):
        assert (await client.gql(PRODUCT, {"id": product_id}))["product"] is None
    variant = await client.gql("query($id: ID!) { productVariant(id: $id) { sku } }",
                               {"id": hidden_variant})
    assert variant["productVariant"] is None
    own = await client.gql("{ myVendor { products(first: 10) { totalCount edges { node {"
                           " name isPublished } } } } }", token=pending)
    assert own["myVendor"]["products"]["edges"] == [{"node": {"name": "Hidden",
                                                              "isPublished": True}}]
    seen_by_owner = await client.gql(PRODUCT, {"id": draft_id}, approved)
    assert seen_by_owner["product"]["name"] == "Draft"
    seen_by_other = await client.gql(PRODUCT, {"id": draft_id}, pending)
    assert seen_by_other["product"] is None
    assert (await client.gql(PRODUCT, {"id": live_id}))["product"]["name"] == "Live"


async def test_translations_fall_back_to_english_then_the_source(client: Client) -> None:
    token, _ = await client.vendor("tr@example.com", "Traductora")
    product_id, _ = await client.product(
        token, "Aceite", description="Aceite de oliva", languageCode="ES",
        translations=[{"languageCode": "PT", "name": "Azeite", "description": "Azeite"},
                      {"languageCode": "EN", "name": "Olive oil"}])
    names = {}
    for lang in ("ES", "PT", "EN", "FR", None):
        names[lang] = (await client.gql(PRODUCT, {"id": product_id, "lang": lang}))["product"]
    assert names["ES"]["name"] == "Aceite"
    assert names["PT"]["name"] == "Azeite"
    assert names["EN"]["name"] == "Olive oil"
    assert names["FR"]["name"] == "Olive oil"
    assert names[None]["name"] == "Aceite"
    await client.gql(UPDATE, {"id": product_id, "i": {"translations": [
        {"languageCode": "PT", "name": "Azeite virgem"}]}}, token)
    pt = await client.gql(PRODUCT, {"id": product_id, "lang": "PT"})
    assert pt["product"]["name"] == "Azeite virgem"
    assert pt["product"]["description"] == "Azeite"
    search = await client.gql(LIST, {"first": 5, "filter": {"search": "azeite"}, "lang": "PT"})
    assert [e["node"]["name"] for e in search["products"]["edges"]] == ["Azeite virgem"]


async def test_filters_by_kind_vendor_category_and_search(client: Client) -> None:
    a, vendor_a = await client.vendor("fa@example.com", "Vendor A")
    b, _ = await client.vendor("fb@example.com", "Vendor B")
    await client.product(a, "Red wine 100%")
    await client.product(a, "Wine course", kind="COURSE")
    await client.product(b, "White wine")

    async def names(flt: dict[str, object]) -> list[str]:
        data = await client.gql(LIST, {"first": 10, "filter": flt})
        return [e["node"]["name"] for e in data["products"]["edges"]]

    assert await names({"kind": "COURSE"}) == ["Wine course"]
    assert await names({"vendorId": vendor_a}) == ["Red wine 100%", "Wine course"]
    assert await names({"search": "WHITE"}) == ["White wine"]
    assert await names({"search": "100%"}) == ["Red wine 100%"]
    assert await names({"search": "%"}) == []  # no words: nothing matches
    bad = await client.raw(LIST, {"first": 10, "filter": {"vendorId": "bad"}})
    assert bad["errors"][0]["extensions"] == {"code": "INVALID_ID", "field": "filter.vendorId"}


async def test_relay_pagination_forwards_and_backwards(client: Client) -> None:
    token, _ = await client.vendor("pages@example.com", "Pages")
    for n in range(7):
        await client.product(token, f"P{n}")
    first = (await client.gql(LIST, {"first": 3}))["products"]
    assert [e["node"]["name"] for e in first["edges"]] == ["P0", "P1", "P2"]
    assert first["pageInfo"]["hasNextPage"] is True and first["totalCount"] == 7
    second = (await client.gql(LIST, {"first": 3, "after": first["pageInfo"]["endCursor"]})
              )["products"]
    assert [e["node"]["name"] for e in second["edges"]] == ["P3", "P4", "P5"]
    assert second["pageInfo"]["hasPreviousPage"] is True
    third = (await client.gql(LIST, {"first": 3, "after": second["pageInfo"]["endCursor"]})
             )["products"]
    assert [e["node"]["name"] for e in third["edges"]] == ["P6"]
    assert third["pageInfo"]["hasNextPage"] is False
    back = (await client.gql(LIST, {"last": 2, "before": second["pageInfo"]["startCursor"]})
            )["products"]
    assert [e["node"]["name"] for e in back["edges"]] == ["P1", "P2"]
    assert back["pageInfo"]["hasPreviousPage"] is True


async def test_page_size_is_required_and_capped(client: Client) -> None:
    for variables, field in (({}, "first"), ({"first": 101}, "first"), ({"first": 0}, "first"),
                             ({"last": 500}, "last"), ({"first": 5, "after": "zzz"}, "after")):
        body = await client.raw(LIST, variables)
        assert body["errors"][0]["extensions"]["field"] == field, variables


async def test_category_filter_includes_subcategories(client: Client) -> None:
    token, _ = await client.vendor("cats@example.com", "Cats")
    async with client.runtime.db.write() as session:
        food = Category(name="Food", slug="food")
        session.add(food)
        await session.flush()
        wine = Category(name="Wine", slug="wine", parent_id=food.id)
        session.add(wine)
        await session.flush()
        ids = {"food": food.id, "wine": wine.id}
    await client.product(token, "Bread", categoryId=encode_id("Category", ids["food"]))
    await client.product(token, "Rioja", categoryId=encode_id("Category", ids["wine"]))
    food_list = await client.gql(LIST, {"first": 10, "filter": {
        "categoryId": encode_id("Category", ids["food"])}})
    assert [e["node"]["name"] for e in food_list["products"]["edges"]] == ["Bread", "Rioja"]
    wine_list = await client.gql(LIST, {"first": 10, "filter": {
        "categoryId": encode_id("Category", ids["wine"])}})
    assert [e["node"]["name"] for e in wine_list["products"]["edges"]] == ["Rioja"]


async def test_translations_and_stock_are_readable_by_those_entitled(client: Client) -> None:
    token, _ = await client.vendor("read@example.com", "Reader")
    product_id, variant_id = await client.product(
        token, "Vino", stock=7, languageCode="ES",
        translations=[{"languageCode": "PT", "name": "Vinho", "description": "Tinto"}])
    query = """query($id: ID!) { productVariant(id: $id) { stock product { id
        translations { languageCode name description } } } }"""
    public = await client.gql(query, {"id": variant_id})
    assert public["productVariant"]["stock"] is None
    assert public["productVariant"]["product"] == {"id": product_id, "translations": [
        {"languageCode": "PT", "name": "Vinho", "description": "Tinto"}]}
    own = await client.gql(query, {"id": variant_id}, token)
    assert own["productVariant"]["stock"] == 7
