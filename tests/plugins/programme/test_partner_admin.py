"""Operators add and correct partner organisations; nobody else may."""

from __future__ import annotations

from engine.plugins.api import encode_id
from engine.testing.client import Client
from tests.plugins.programme.setup import partner, staff

ERR = "errors { field code message }"
CREATE = f"""mutation($i: PartnerCreateInput!) {{ partnerCreate(input: $i) {{
  partner {{ id name kind country region contactEmail }} {ERR} }} }}"""
UPDATE = f"""mutation($id: ID!, $i: PartnerUpdateInput!) {{ partnerUpdate(id: $id, input: $i) {{
  partner {{ id name kind region contactEmail }} {ERR} }} }}"""
PARTNERS = "{ partners { name kind region } }"
ALMONTE = {"name": "Ayuntamiento de Almonte", "kind": "COUNCIL", "country": "es",
           "region": "Huelva", "contactEmail": "empleo@almonte.example"}


async def test_an_operator_creates_and_updates_a_partner_and_the_public_list_shows_it(
        client: Client) -> None:
    op = await client.operator()
    created = (await client.gql(CREATE, {"i": ALMONTE}, op))["partnerCreate"]
    assert created["errors"] == []
    assert created["partner"]["country"] == "ES"
    changed = await client.gql(UPDATE, {"id": created["partner"]["id"], "i": {
        "region": "Condado de Huelva", "kind": "ASSOCIATION"}}, op)
    assert changed["partnerUpdate"]["partner"] == {
        "id": created["partner"]["id"], "name": "Ayuntamiento de Almonte",
        "kind": "ASSOCIATION", "region": "Condado de Huelva",
        "contactEmail": "empleo@almonte.example"}
    assert (await client.gql(PARTNERS))["partners"] == [
        {"name": "Ayuntamiento de Almonte", "kind": "ASSOCIATION", "region": "Condado de Huelva"}]


async def test_bad_partner_details_get_typed_errors_and_write_nothing(client: Client) -> None:
    op = await client.operator()
    await client.gql(CREATE, {"i": ALMONTE}, op)
    cases = [({**ALMONTE, "name": "Otro", "kind": "CLUB"}, ("kind", "INVALID")),
             ({**ALMONTE, "name": "Otro", "country": "FR"}, ("country", "UNSUPPORTED_COUNTRY")),
             ({**ALMONTE, "name": "Otro", "contactEmail": "no-at-sign"},
              ("contactEmail", "INVALID")),
             ({**ALMONTE, "name": " "}, ("name", "REQUIRED")),
             (ALMONTE, ("name", "DUPLICATED"))]
    for values, expected in cases:
        errors = (await client.gql(CREATE, {"i": values}, op))["partnerCreate"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [expected], values
    assert len((await client.gql(PARTNERS))["partners"]) == 1


async def test_partner_staff_a_vendor_and_anonymous_cannot_create_or_update(
        client: Client) -> None:
    lepe = await partner(client)
    adviser = await staff(client, lepe, "adviser@lepe.example")
    vendor, _ = await client.vendor("shop@example.com", "Tienda")
    for token in (adviser, vendor, None):
        refused = await client.raw(CREATE, {"i": ALMONTE}, token)
        assert refused["errors"][0]["extensions"]["code"] in {
            "PERMISSION_DENIED", "UNAUTHENTICATED"}
        refused = await client.raw(UPDATE, {"id": encode_id("Partner", lepe),
                                            "i": {"name": "Hijacked"}}, token)
        assert refused["errors"][0]["extensions"]["code"] in {
            "PERMISSION_DENIED", "UNAUTHENTICATED"}
    assert (await client.gql(PARTNERS))["partners"][0]["name"] == "Ayuntamiento de Lepe"
