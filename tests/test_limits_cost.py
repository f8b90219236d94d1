"""Issue 10, item 2: nested connections multiply; a query above the cost limit is refused
before it executes (no SQL statement, no resolver), and a client can see a query's cost."""

from __future__ import annotations

from typing import Any

from engine.api.cost import DEFAULT_MAX_COST
from tests.client import Client
from tests.limits_spy import Spy
from tests.test_query_counts import counting

NESTED = ("{ products(first:100){edges{node{vendor{products(first:100){edges{node{vendor"
          "{products(first:100){totalCount}}}}}}}}} }")
LISTING = ("products(first: 100) { edges { node { name variants { sku price { amount } "
           "pricing(country: ES) { gross { amount } } } pricing(country: ES) "
           "{ gross { amount } } } } }")
THIRTY_ALIASES = "{ " + " ".join(f"a{i}: {LISTING}" for i in range(30)) + " }"


async def post(client: Client, query: str, variables: dict[str, Any] | None = None,
               extensions: dict[str, Any] | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {"query": query, "variables": variables or {}}
    if extensions is not None:
        payload["extensions"] = extensions
    body: dict[str, Any] = (await client.http.post("/graphql", json=payload)).json()
    return body


async def test_nested_connections_are_refused_before_any_statement(client: Client) -> None:
    await client.vendor("cost@example.com", "Cost")
    with counting(client.runtime) as statements:
        body = await client.raw(NESTED)
    assert statements == []
    assert body.get("data") is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 1_040_401,
                                   "maximum": DEFAULT_MAX_COST}


async def test_thirty_aliased_listings_are_refused_before_any_statement(client: Client) -> None:
    with counting(client.runtime) as statements:
        body = await client.raw(THIRTY_ALIASES)
    assert statements == []
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert body["errors"][0]["extensions"]["cost"] == 30 * (1 + 100 * 13)


async def test_one_such_listing_runs(client: Client) -> None:
    body = await client.raw("{ " + LISTING + " }")
    assert "errors" not in body, body


async def test_variables_and_fragments_count_like_literals(plugged: Any) -> None:
    spy = Spy()
    query = """query($n: Int!, $m: Int = 100) { spy products(first: $n) { ...E } }
      fragment E on ProductConnection { edges { node { vendor { products(last: $m) {
        edges { node { name } } } } } } }"""
    async with plugged(spy) as client:
        refused = await post(client, query, {"n": 100}, {"cost": True})
        assert refused["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
        assert spy.calls == 0
        accepted = await post(client, query, {"n": 2, "m": 3}, {"cost": True})
    assert "errors" not in accepted, accepted
    assert spy.calls == 1
    # spy 1 + products (1 + 2 * (edges 1 + node 1 + vendor 1 + products (1 + 3 * 3)))
    assert accepted["extensions"]["cost"] == {"requestedQueryCost": 1 + 1 + 2 * 13,
                                              "maximumQueryCost": DEFAULT_MAX_COST}


async def test_the_cost_is_reported_only_when_asked(client: Client) -> None:
    query = "{ products(first: 10) { edges { node { name } } } }"
    asked = await post(client, query, extensions={"cost": True})
    assert asked["extensions"]["cost"] == {"requestedQueryCost": 1 + 10 * 3,
                                           "maximumQueryCost": DEFAULT_MAX_COST}
    plain = await post(client, query)
    assert "cost" not in (plain.get("extensions") or {})


async def test_the_maximum_is_a_setting(plugged: Any) -> None:
    async with plugged(max_query_cost=30) as client:
        body = await client.raw("{ products(first: 10) { edges { node { name } } } }")
    assert body["errors"][0]["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 31,
                                               "maximum": 30}
