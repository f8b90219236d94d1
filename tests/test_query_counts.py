"""N+1 guard: listing products with nested fields costs the same SQL whatever the page size."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, select

from engine.catalog.models import Category, Product, ProductTranslation, ProductVariant
from engine.runtime import Runtime
from engine.vendors.models import Vendor
from tests.client import Client

LISTING = """query($n: Int!) { products(first: $n, languageCode: PT) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id name description kind vendor { name slug } category { name }
    variants { sku price { amount } quantityAvailable } pricing { gross { amount } } } } } }"""


@contextmanager
def counting(runtime: Runtime) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA", "COMMIT", "ROLLBACK")):
            statements.append(statement)

    event.listen(runtime.db.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(runtime.db.engine.sync_engine, "before_cursor_execute", record)


async def fill(client: Client, vendor_id: int, n: int) -> None:
    async with client.runtime.db.write() as session:
        category = Category(name="Food", slug="food")
        session.add(category)
        await session.flush()
        for i in range(n):
            product = Product(vendor_id=vendor_id, category_id=category.id, name=f"Product {i}",
                              slug=f"product-{i}", kind="PHYSICAL", is_published=True,
                              language_code="ES", description="")
            session.add(product)
            await session.flush()
            session.add(ProductTranslation(product_id=product.id, language_code="PT",
                                           name=f"Produto {i}", description="pt"))
            for v in range(2):
                session.add(ProductVariant(product_id=product.id, vendor_id=vendor_id,
                                           sku=f"S{i}-{v}", price=f"{i + v}.50", stock=v))


async def test_listing_issues_the_same_statements_for_5_and_50_products(client: Client) -> None:
    await client.vendor("n1@example.com", "N plus one")
    async with client.runtime.db.read() as session:
        vendor_id = await session.scalar(select(Vendor.id).where(Vendor.slug == "n-plus-one"))
    assert vendor_id is not None
    await fill(client, vendor_id, 50)
    await client.runtime.dispatcher.drain()  # count the request, not background deliveries
    await client.gql(LISTING, {"n": 1})  # totalCount is then cached per catalog version
    used = {}
    assert client.runtime.dispatcher is not None  # no background deliveries counted
    await client.runtime.dispatcher.drain()
    for n in (5, 50):
        with counting(client.runtime) as statements:
            data = await client.gql(LISTING, {"n": n})
        assert len(data["products"]["edges"]) == n
        assert data["products"]["edges"][0]["node"]["name"] == "Produto 0"
        assert data["products"]["edges"][0]["node"]["category"]["name"] == "Food"
        used[n] = len(statements)
    assert used[5] == used[50], used
    # the page (with its translated text), vendors, categories, variants, the cache versions
    # (totalCount is cached per catalog version) and the installed tax plugin's vendor facts
    # for pricing (ruta_pricing_facts: iberia's profiles, sales and declared outside sales in
    # one UNION ALL, once per batch of vendors)
    assert used[50] <= 6, used


async def test_checkout_creation_costs_the_same_for_1_and_10_lines(client: Client) -> None:
    token, _ = await client.vendor("cc@example.com", "Counts")
    variants = [(await client.product(token, f"Item {i}", stock=50))[1] for i in range(10)]
    await client.runtime.dispatcher.drain()  # count the request, not background deliveries
    create = """mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) {
        checkout { id totalPrice { gross { amount } } lines { quantity variant { sku }
        totalPrice { gross { amount } } } vendors { vendor { name } } } errors { code } } }"""
    used = {}
    for n in (1, 10):
        lines = [{"variantId": v, "quantity": 1} for v in variants[:n]]
        assert client.runtime.dispatcher is not None  # no background deliveries counted
        await client.runtime.dispatcher.drain()
        with counting(client.runtime) as statements:
            data = await client.gql(create, {"i": {"email": "b@example.com", "lines": lines}})
        assert len(data["checkoutCreate"]["checkout"]["lines"]) == n
        used[n] = len(statements)
    assert used[1] == used[10], used
    assert used[10] <= 10, used


async def test_a_pages_vendor_and_category_are_built_once_per_request(
        client: Client, monkeypatch: Any) -> None:
    from engine.catalog.types import CategoryType
    from engine.vendors.types import VendorType

    await client.vendor("once@example.com", "Built once")
    async with client.runtime.db.read() as session:
        vendor_id = await session.scalar(select(Vendor.id).where(Vendor.slug == "built-once"))
    assert vendor_id is not None
    await fill(client, vendor_id, 20)
    built: list[str] = []
    vendor_of_row, category_of = VendorType.of_row.__func__, CategoryType.of.__func__  # type: ignore[attr-defined]

    def counted_vendor(cls: Any, *args: Any) -> Any:
        built.append("vendor")
        return vendor_of_row(cls, *args)

    def counted_category(cls: Any, *args: Any) -> Any:
        built.append("category")
        return category_of(cls, *args)

    monkeypatch.setattr(VendorType, "of_row", classmethod(counted_vendor))
    monkeypatch.setattr(CategoryType, "of", classmethod(counted_category))
    for _ in range(2):  # each request builds its own, once
        data = await client.gql(LISTING, {"n": 20})
        nodes = [edge["node"] for edge in data["products"]["edges"]]
        assert len(nodes) == 20
        assert {(n["vendor"]["slug"], n["category"]["name"]) for n in nodes} == {
            ("built-once", "Food")}
    assert sorted(built) == ["category", "category", "vendor", "vendor"]
