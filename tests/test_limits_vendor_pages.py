"""Issue 10, item 2: ``Vendor.products`` inside a listing pages every vendor in one
statement (a window function), not one query per vendor, with the same pages as asked
one vendor at a time."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from engine.vendors.models import Vendor
from tests.client import Client
from tests.test_query_counts import counting, fill

NESTED = """query($n: Int!, $m: Int!) { products(first: $n) { edges { node { vendor { id
  products(first: $m) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { name } } } } } } } }"""
ONE = """query($id: ID!, $m: Int!, $after: String) { vendor(id: $id) { products(first: $m,
  after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } }"""


async def vendor_pk(client: Client, slug: str) -> int:
    async with client.runtime.db.read() as session:
        pk = await session.scalar(select(Vendor.id).where(Vendor.slug == slug))
    assert pk is not None
    return pk


async def test_nested_vendor_products_cost_the_same_statements_for_5_and_50(
        client: Client) -> None:
    await client.vendor("a@example.com", "Alpha")
    await fill(client, await vendor_pk(client, "alpha"), 30)
    await client.product((await client.vendor("g@example.com", "Gamma"))[0], "Gamma oil")
    used = {}
    for n in (5, 50):
        assert client.runtime.dispatcher is not None
        await client.runtime.dispatcher.drain()  # count the request, not background deliveries
        with counting(client.runtime) as statements:
            data = await client.gql(NESTED, {"n": n, "m": 3})
        used[n] = len(statements)
        nested = {e["node"]["vendor"]["id"]: e["node"]["vendor"]["products"]
                  for e in data["products"]["edges"]}
        for vendor_id, page in nested.items():  # the same page as asked alone
            alone = await client.gql(ONE, {"id": vendor_id, "m": 3})
            assert alone["vendor"]["products"] == page
    assert used[5] == used[50], used
    assert len(nested) == 2


async def test_pages_follow_cursors_per_vendor(client: Client) -> None:
    await client.vendor("p@example.com", "Paged")
    await fill(client, await vendor_pk(client, "paged"), 7)
    names: list[str] = []
    after: Any = None
    for _ in range(4):
        data = await client.gql(ONE.replace("vendor(id: $id)", "vendor(slug: \"paged\")")
                                .replace("$id: ID!, ", ""), {"m": 3, "after": after})
        page = data["vendor"]["products"]
        assert page["totalCount"] == 7
        names += [e["node"]["name"] for e in page["edges"]]
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert names == [f"Product {i}" for i in range(7)]
    tail = await client.gql('{ vendor(slug: "paged") { products(last: 2) { pageInfo { '
                            "hasPreviousPage } edges { node { name } } } } }")
    assert tail["vendor"]["products"] == {"pageInfo": {"hasPreviousPage": True}, "edges": [
        {"node": {"name": "Product 5"}}, {"node": {"name": "Product 6"}}]}
    body = await client.raw('{ vendor(slug: "paged") { products(first: 1, after: "bad") '
                            '{ totalCount } } }')
    assert body["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"
