"""productImport: all rows or none, each refused row named."""

from __future__ import annotations

from engine.testing.client import Client

IMPORT = """mutation($rows: [ProductImportRowInput!]!) { productImport(rows: $rows) {
  products { id name variants { sku stock price { amount } } }
  rowErrors { row field code message } errors { field code message } } }"""
COUNT = "{ myVendor { products(first: 10) { totalCount } } }"


def row(name: str, sku: str, price: str = "9.90", **extra: object) -> dict[str, object]:
    return {"name": name, "kind": "PHYSICAL", "sku": sku, "price": price, "stock": 3, **extra}


async def test_every_row_becomes_a_product_with_its_variant(client: Client) -> None:
    token, _ = await client.vendor("es@example.com", "Bodega")
    data = await client.gql(IMPORT, {"rows": [row("Miel", "M-1"), row("Vino", "V-1", "12.50",
                                                                        isPublished=True)]},
                            token)
    payload = data["productImport"]
    assert payload["rowErrors"] == [] and payload["errors"] == []
    assert [(p["name"], p["variants"][0]["sku"], p["variants"][0]["price"]["amount"])
            for p in payload["products"]] == [("Miel", "M-1", "9.90"), ("Vino", "V-1", "12.50")]
    assert (await client.gql(COUNT, token=token))["myVendor"]["products"]["totalCount"] == 2


async def test_one_bad_row_writes_nothing_and_each_error_names_its_row(client: Client) -> None:
    token, _ = await client.vendor("es@example.com", "Bodega")
    rows = [row("Miel", "M-1"), row("", "E-1"), row("Vino", "M-1"), row("Pan", "P-1", "-1")]
    payload = (await client.gql(IMPORT, {"rows": rows}, token))["productImport"]
    assert payload["products"] == []
    found = {(e["row"], e["field"], e["code"]) for e in payload["rowErrors"]}
    assert found == {(2, "name", "REQUIRED"), (3, "sku", "UNIQUE"), (4, "price", "INVALID")}
    assert (await client.gql(COUNT, token=token))["myVendor"]["products"]["totalCount"] == 0


async def test_only_vendor_staff_import(client: Client) -> None:
    token = await client.register("buyer@example.com")
    body = await client.raw(IMPORT, {"rows": [row("Miel", "M-1")]}, token)
    assert body.get("errors") or body["data"]["productImport"]["errors"]
