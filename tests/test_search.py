"""Search (accents, case, translations, ranking), sortBy, price/vendor filters and facets."""

from __future__ import annotations

from typing import Any

from engine.api.ids import encode_id
from engine.catalog.models import Category
from tests.client import Client

LIST = """query($first: Int!, $after: String, $filter: ProductFilterInput,
  $sort: ProductOrder, $last: Int) {
  products(first: $first, after: $after, filter: $filter, sortBy: $sort, last: $last) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } } }"""
FACETS = """query($filter: ProductFilterInput) { productFacets(filter: $filter) {
  categories { category { id name } count } kinds { kind count }
  vendors { vendor { id name } count } } }"""
UPDATE = """mutation($id: ID!, $i: ProductUpdateInput!) { productUpdate(id: $id, input: $i) {
  errors { code } } }"""
DELETE = """mutation($id: ID!) { productDelete(id: $id) { errors { code } } }"""


async def names(client: Client, flt: dict[str, Any] | None = None,
                sort: dict[str, Any] | None = None, first: int = 50) -> list[str]:
    data = await client.gql(LIST, {"first": first, "filter": flt, "sort": sort})
    return [edge["node"]["name"] for edge in data["products"]["edges"]]


async def test_search_ignores_accents_and_case_in_names_descriptions_and_translations(
        client: Client) -> None:
    token, _ = await client.vendor("s@example.com", "Sabores")
    await client.product(token, "Café de Huelva")
    await client.product(token, "Açúcar mascavado", description="Dulce de caña")
    await client.product(token, "Olive oil", translations=[
        {"languageCode": "PT", "name": "Azeite virgem extra", "description": "Do Algarve"}])
    await client.product(token, "Queso", description="Curado en CUEVA, ñora y pimentón")
    assert await names(client, {"search": "cafe"}) == ["Café de Huelva"]
    assert await names(client, {"search": "CAFÉ"}) == ["Café de Huelva"]
    assert await names(client, {"search": "acucar"}) == ["Açúcar mascavado"]
    assert await names(client, {"search": "azeite"}) == ["Olive oil"]
    assert await names(client, {"search": "algarve"}) == ["Olive oil"]
    assert await names(client, {"search": "nora pimenton"}) == ["Queso"]
    assert await names(client, {"search": "cana dulce"}) == ["Açúcar mascavado"]
    assert await names(client, {"search": "huel"}) == ["Café de Huelva"]  # word prefixes
    assert await names(client, {"search": "cafe cueva"}) == []  # every word must match


async def test_a_name_match_ranks_above_a_description_match(client: Client) -> None:
    token, _ = await client.vendor("r@example.com", "Ranking")
    await client.product(token, "Crema de almendra", description="Con miel de romero")
    await client.product(token, "Turrón", description="Almendra y MIEL")
    await client.product(token, "Miel de Doñana")
    ranked = await names(client, {"search": "miel"})
    assert ranked[0] == "Miel de Doñana"  # created last, but the only name match
    assert sorted(ranked[1:]) == ["Crema de almendra", "Turrón"]
    data = await client.gql(LIST, {"first": 2, "filter": {"search": "miel"}})
    assert data["products"]["totalCount"] == 3 and data["products"]["pageInfo"]["hasNextPage"]
    rest = await client.gql(LIST, {"first": 2, "filter": {"search": "miel"},
                                   "after": data["products"]["pageInfo"]["endCursor"]})
    paged = [e["node"]["name"] for e in data["products"]["edges"] + rest["products"]["edges"]]
    assert paged == ranked


async def test_the_index_follows_updates_translations_and_deletes(client: Client) -> None:
    token, _ = await client.vendor("u@example.com", "Updates")
    product_id, _ = await client.product(token, "Vino tinto")
    await client.gql(UPDATE, {"id": product_id, "i": {"name": "Vinagre de Jerez"}}, token)
    assert await names(client, {"search": "tinto"}) == []
    assert await names(client, {"search": "vinagre"}) == ["Vinagre de Jerez"]
    await client.gql(UPDATE, {"id": product_id, "i": {"translations": [
        {"languageCode": "PT", "name": "Vinagre de Xerez"}]}}, token)
    assert await names(client, {"search": "xerez"}) == ["Vinagre de Jerez"]
    await client.gql(DELETE, {"id": product_id}, token)
    assert await names(client, {"search": "vinagre"}) == []
    await client.product(token, "Aceite")  # may reuse the id on SQLite: no stale match
    assert await names(client, {"search": "vinagre"}) == []


async def test_sort_by_price_name_and_newest_with_cursors(client: Client) -> None:
    token, _ = await client.vendor("o@example.com", "Orders")
    for name, price in [("Bravo", "5.00"), ("alfa", "20.00"), ("Charlie", "12.50")]:
        await client.product(token, name, price=price)
    assert await names(client, sort={"field": "PRICE"}) == ["Bravo", "Charlie", "alfa"]
    assert await names(client, sort={"field": "PRICE", "direction": "DESC"}) == [
        "alfa", "Charlie", "Bravo"]
    assert await names(client, sort={"field": "NAME"}) == ["alfa", "Bravo", "Charlie"]
    assert await names(client, sort={"field": "NEWEST"}) == ["Charlie", "alfa", "Bravo"]
    assert await names(client, sort={"field": "NEWEST", "direction": "DESC"}) == [
        "Bravo", "alfa", "Charlie"]
    page = await client.gql(LIST, {"first": 2, "sort": {"field": "PRICE"}})
    rest = await client.gql(LIST, {"first": 2, "sort": {"field": "PRICE"},
                                   "after": page["products"]["pageInfo"]["endCursor"]})
    assert [e["node"]["name"] for e in rest["products"]["edges"]] == ["alfa"]
    assert rest["products"]["pageInfo"]["hasNextPage"] is False
    backwards = await client.raw(LIST, {"first": 2, "last": 2, "sort": {"field": "PRICE"}})
    assert backwards["errors"][0]["extensions"]["code"] == "REQUIRED"


async def test_price_and_vendor_filters(client: Client) -> None:
    a, vendor_a = await client.vendor("pa@example.com", "Alfa")
    b, vendor_b = await client.vendor("pb@example.com", "Beta")
    c, _ = await client.vendor("pc@example.com", "Gamma")
    await client.product(a, "Cheap", price="3.00")
    await client.product(b, "Middle", price="10.00")
    await client.product(c, "Dear", price="99.99")
    assert await names(client, {"priceMin": "3.01", "priceMax": "99.99"}) == ["Middle", "Dear"]
    assert await names(client, {"priceMax": "10"}) == ["Cheap", "Middle"]
    assert await names(client, {"vendorIds": [vendor_a, vendor_b]}) == ["Cheap", "Middle"]
    bad = await client.raw(LIST, {"first": 5, "filter": {"priceMin": "-1"}})
    assert bad["errors"][0]["extensions"]["code"] == "INVALID"


async def test_facet_counts_equal_what_the_listing_returns(client: Client) -> None:
    a, vendor_a = await client.vendor("fa@example.com", "Huerta")
    b, vendor_b = await client.vendor("fb@example.com", "Bodega")
    for token, name, kind in [(a, "Tomate rosa", "PHYSICAL"), (a, "Tomate seco", "PHYSICAL"),
                              (a, "Curso de tomate", "COURSE"), (b, "Tomate frito", "PHYSICAL"),
                              (b, "Vino", "PHYSICAL")]:
        await client.product(token, name, kind=kind)
    flt = {"search": "tomate"}
    facets = (await client.gql(FACETS, {"filter": flt}))["productFacets"]
    assert {f["kind"]: f["count"] for f in facets["kinds"]} == {"PHYSICAL": 3, "COURSE": 1}
    assert {f["vendor"]["name"]: f["count"] for f in facets["vendors"]} == {
        "Huerta": 3, "Bodega": 1}
    for facet in facets["kinds"]:
        listed = await names(client, {**flt, "kind": facet["kind"]})
        assert len(listed) == facet["count"]
    for facet in facets["vendors"]:
        listed = await names(client, {**flt, "vendorId": facet["vendor"]["id"]})
        assert len(listed) == facet["count"]
    assert vendor_a != vendor_b and facets["categories"] == []


async def total(client: Client, flt: dict[str, Any]) -> int:
    data = await client.gql(LIST, {"first": 1, "filter": flt})
    count: int = data["products"]["totalCount"]
    return count


async def category_tree(client: Client) -> dict[str, str]:
    """Despensa > Conservas > Pescado, and Bebidas: their global ids by name."""
    ids: dict[str, str] = {}
    async with client.runtime.db.write() as session:
        parent: int | None = None
        for name in ("Despensa", "Conservas", "Pescado", "Bebidas"):
            category = Category(name=name, slug=name.lower(),
                                parent_id=None if name == "Bebidas" else parent)
            session.add(category)
            await session.flush()
            parent, ids[name] = category.id, encode_id("Category", category.id)
    return ids


async def test_category_facet_counts_equal_the_listing_of_each_category(
        client: Client) -> None:
    token, _ = await client.vendor("cat@example.com", "Ultramarinos")
    cats = await category_tree(client)
    for name, category, extra in [
            ("Atún en aceite", "Pescado", {}),
            ("Bonito del norte", "Pescado", {"description": "Atún blanco en escabeche"}),
            ("Tomate en conserva", "Conservas", {"description": "Con ACEITE de oliva"}),
            ("Aceite de oliva", "Despensa", {}),
            ("Café molido", "Bebidas", {}),
            ("Atún oculto en aceite", "Pescado", {"published": False})]:
        await client.product(token, name, categoryId=cats[category], **extra)
    await client.product(token, "Aceite de girasol")  # in no category
    expected = {
        "aceite": {"Despensa": 3, "Conservas": 2, "Pescado": 1},
        "ATUN": {"Despensa": 2, "Conservas": 2, "Pescado": 2},
        "cafe": {"Bebidas": 1},
        "": {"Despensa": 4, "Conservas": 3, "Pescado": 2, "Bebidas": 1},
    }
    for search, counts in expected.items():
        flt = {"search": search} if search else {}
        facets = (await client.gql(FACETS, {"filter": flt}))["productFacets"]["categories"]
        assert {f["category"]["name"]: f["count"] for f in facets} == counts, search
        for facet in facets:
            assert facet["category"]["id"] == cats[facet["category"]["name"]]
            listed = await total(client, {**flt, "categoryId": facet["category"]["id"]})
            assert listed == facet["count"], (search, facet)
        assert [f["count"] for f in facets] == sorted((f["count"] for f in facets),
                                                      reverse=True)
