"""Issue 10, item 14: IDs and cursors are plain ASCII digits within the database's integer
range; DateTimes outside 1900-2200 are refused with a typed error."""

from __future__ import annotations

import base64

import pytest

from engine.api.ids import MAX_PK, decode_id
from engine.errors import ValidationError
from tests.client import Client

BAD_NUMBERS = [" 1", "1 ", "+1", "-1", "01", "0", "1_0", "\u0661\u0660", "\uff11", "9" * 24,
               str(MAX_PK + 1), "", "1.0", "0x1"]


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize("number", BAD_NUMBERS)
def test_ids_take_only_plain_digits(number: str) -> None:
    with pytest.raises(ValidationError) as refused:
        decode_id(b64(f"Product:{number}"), "Product")
    assert refused.value.errors[0].code == "INVALID_ID"


async def test_odd_ids_and_cursors_are_typed_errors_on_the_database(client: Client) -> None:
    token, _ = await client.vendor("ids@example.com", "Ids")
    product_id, _ = await client.product(token)
    pk = base64.b64decode(product_id).decode().partition(":")[2]
    found = await client.gql("query($id: ID!) { product(id: $id) { id } }", {"id": product_id})
    assert found["product"]["id"] == product_id
    for number in ("1_0", f" {pk}", "\u0661", "9" * 24, str(MAX_PK + 1), f"0{pk}"):
        body = await client.raw("query($id: ID!) { product(id: $id) { id } }",
                                {"id": b64(f"Product:{number}")})
        assert body["errors"][0]["extensions"]["code"] == "INVALID_ID", (number, body)
        body = await client.raw("query($c: String) { products(first: 1, after: $c) { "
                                "totalCount } }", {"c": b64(f"cursor:{number}")})
        assert body["errors"][0]["extensions"]["code"] == "INVALID_CURSOR", (number, body)
    body = await client.raw("query($c: String) { products(first: 1, after: $c) { "
                            "edges { node { id } } } }", {"c": b64(f"cursor:{MAX_PK}")})
    assert body["data"]["products"]["edges"] == []


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+05:00",
                                    "1899-12-31T23:59:59+00:00", "2201-01-01T00:00:00Z",
                                    "next tuesday", "2026-13-01T00:00:00Z"])
async def test_datetimes_out_of_range_are_refused_and_write_nothing(client: Client,
                                                                    moment: str) -> None:
    token, _ = await client.vendor("dates@example.com", "Dates")
    product_id, _ = await client.product(token, "Workshop", kind="EVENT")
    create = ("mutation($i: ProductVariantCreateInput!) { productVariantCreate(input: $i) "
              "{ variant { id } errors { code } } }")
    variant = {"productId": product_id, "sku": "W-1", "price": "10.00", "capacity": 5,
               "startsAt": moment, "endsAt": "2026-06-01T12:00:00+00:00"}
    body = await client.raw(create, {"i": variant}, token)
    assert body.get("data") is None
    assert body["errors"][0]["extensions"]["code"] == "INVALID_DATETIME", body
    listed = await client.gql("query($id: ID!) { product(id: $id) { variants { sku } } }",
                              {"id": product_id}, token)
    assert "W-1" not in [v["sku"] for v in listed["product"]["variants"]]
    ok = await client.gql(create, {"i": {**variant, "startsAt": "2026-06-01T10:00:00+02:00"}},
                          token)
    assert ok["productVariantCreate"]["errors"] == []


async def test_datetime_literals_are_refused_during_validation(client: Client) -> None:
    body = await client.raw('mutation { productVariantCreate(input: { productId: "x", '
                            'sku: "a", price: "1", startsAt: "9999-12-31T00:00:00+00:00" }) '
                            "{ errors { code } } }")
    assert body.get("data") is None
    assert body["errors"][0]["extensions"]["code"] == "INVALID_DATETIME"
