"""``iberiaMyInvoices``: the signed-in buyer's invoices over all their orders, and nobody
else's."""

from __future__ import annotations

from tests.client import Client
from tests.plugins.iberia.test_invoices import pay, place
from tests.shop import build

MINE = "{ iberiaMyInvoices { id number orderId issuer { name } totalGross } }"


async def test_a_buyer_lists_their_own_invoices_newest_first_and_no_one_elses(
        client: Client) -> None:
    shop = await build(client)
    operator = await client.login("shop-op@example.com")
    buyer = await client.register("buyer@example.com")
    other = await client.register("other@example.com")
    first = await place(client, shop, {"wine": 1}, buyer)
    second = await place(client, shop, {"wine": 1, "tile": 1}, buyer)
    theirs = await place(client, shop, {"tile": 1}, other)
    for order in (first, second, theirs):
        await pay(client, operator, order)
    mine = (await client.gql(MINE, token=buyer))["iberiaMyInvoices"]
    assert [i["orderId"] for i in mine] == [second["id"], second["id"], first["id"]]
    assert {i["issuer"]["name"] for i in mine[:2]} == {"Bodega ES", "Loja PT"}
    others = (await client.gql(MINE, token=other))["iberiaMyInvoices"]
    assert [i["orderId"] for i in others] == [theirs["id"]]
    assert not {i["id"] for i in mine} & {i["id"] for i in others}
    anonymous = await client.raw(MINE)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
