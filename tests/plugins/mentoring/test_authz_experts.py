"""Expert texts are capped and cleaned by the core's rule; the public list holds only
verified experts and is paged in SQL (a page never loads more rows than it shows)."""

from __future__ import annotations

from sqlalchemy import func, select

from plugins.mentoring.models import Expert
from plugins.mentoring.profiles import MAX_TEXT
from tests.client import Client
from tests.plugins.mentoring.test_profiles import CREATE, UPDATE, make_expert
from tests.test_query_counts import counting

BASE = {"kind": "MENTOR", "displayName": "Ana", "timeZone": "Europe/Madrid"}


async def experts_stored(client: Client) -> int:
    async with client.runtime.db.read() as session:
        return int(await session.scalar(select(func.count(Expert.id))) or 0)


async def test_two_megabytes_of_bio_are_refused_with_a_typed_error(client: Client) -> None:
    token = await client.register("ana@example.com")
    huge = await client.raw(CREATE, {"i": {**BASE, "bio": {"es": "x" * 2_000_000},
                                           "background": {"pt": "y" * 2_000_000}}}, token)
    assert huge["data"] is None and huge["errors"][0]["extensions"]["code"] == "TOO_LONG"
    over = await client.gql(CREATE, {"i": {**BASE, "bio": {"es": "x" * (MAX_TEXT + 1)},
                                           "background": {"en": "ok\u202e"}}}, token)
    assert over["expertCreate"] == {"expert": None, "errors": [
        {"field": "bio.es", "code": "TOO_LONG", "message": f"Use at most {MAX_TEXT} characters."},
        {"field": "background.en", "code": "INVALID_CHARACTERS",
         "message": "Remove the invisible or control character U+202E."}]}
    name = await client.gql(CREATE, {"i": {**BASE, "displayName": "An\u200ba"}}, token)
    assert [e["code"] for e in name["expertCreate"]["errors"]] == ["INVALID_CHARACTERS"]
    assert await experts_stored(client) == 0
    made = await client.gql(CREATE, {"i": {**BASE, "bio": {"es": "Línea 1\nLínea 2"}}}, token)
    assert made["expertCreate"]["expert"]["bioEs"] == "Línea 1\nLínea 2"
    update = await client.gql(UPDATE, {"id": made["expertCreate"]["expert"]["id"], "i": {
        "bio": {"pt": "z" * (MAX_TEXT + 1)}}}, token)
    assert [e["code"] for e in update["expertUpdate"]["errors"]] == ["TOO_LONG"]


async def test_only_verified_experts_are_listed_and_the_list_pages_in_sql(
        client: Client) -> None:
    shown = [(await make_expert(client, f"v{i}@example.com"))[1] for i in range(3)]
    hidden_token, hidden = await make_expert(client, "new@example.com", verified=False)
    query = "query($n: Int!) { experts(first: $n) { id } }"
    with counting(client.runtime) as statements:
        page = (await client.gql(query, {"n": 2}))["experts"]
    assert [e["id"] for e in page] == shown[:2]
    selects = [s for s in statements if "mentoring_expert" in s]
    assert selects and all("LIMIT" in s.upper() for s in selects)
    everyone = [e["id"] for e in (await client.gql(query, {"n": 100}))["experts"]]
    assert hidden not in everyone and everyone == shown
    one = "query($id: ID!) { expert(id: $id) { id } }"
    assert (await client.gql(one, {"id": hidden}))["expert"] is None
    assert (await client.gql(one, {"id": hidden}, hidden_token))["expert"] == {"id": hidden}
    operator = await client.operator()
    assert hidden in [e["id"] for e in (await client.gql(query, {"n": 100}, operator)
                                        )["experts"]]
    matches = await client.gql("{ expertMatches(needs: {}) { expert { id } } }")
    assert hidden not in [m["expert"]["id"] for m in matches["expertMatches"]]
