"""Operators read a customer's checkout but never act on it: completing it (which would
create an order in the customer's name) is refused like every other checkout mutation."""

from __future__ import annotations

from sqlalchemy import func, select

from engine.orders.models import Order
from tests.client import Client
from tests.shop import ADDRESS, COMPLETE, build, ready

ONE = "query($id: ID!) { checkout(id: $id) { id email } }"
#: Every checkout mutation with the arguments it needs besides the checkout id.
ACTIONS = {
    "checkoutComplete": ("", ""),
    "checkoutLinesAdd": (", $l: [CheckoutLineInput!]!", ", lines: $l"),
    "checkoutLinesUpdate": (", $l: [CheckoutLineInput!]!", ", lines: $l"),
    "checkoutLinesDelete": (", $x: [ID!]!", ", lineIds: $x"),
    "checkoutAddressUpdate": (", $a: AddressInput", ", shippingAddress: $a"),
    "checkoutVatIdUpdate": ("", ', vatId: ""'),
    "checkoutEmailUpdate": ("", ', email: "op@example.com"'),
    "checkoutShippingMethodUpdate": (", $v: ID!, $m: ID!", ", vendorId: $v, shippingMethodId: $m"),
}


async def test_an_operator_cannot_complete_or_change_a_customers_checkout(
        client: Client) -> None:
    shop = await build(client)
    customer = await client.register("buyer@example.com")
    checkout_id = await ready(client, shop, {"wine": 1}, customer)
    operator = await client.operator()
    assert (await client.gql(ONE, {"id": checkout_id}, operator))["checkout"]["id"] == checkout_id
    refused = await client.gql(COMPLETE, {"id": checkout_id}, operator)
    assert refused["checkoutComplete"]["order"] is None
    assert [e["code"] for e in refused["checkoutComplete"]["errors"]] == ["NOT_FOUND"]
    schema = client.app.state.schema._schema
    mutations = {name for name in schema.mutation_type.fields
                 if name.startswith("checkout") and name != "checkoutCreate"}
    assert mutations == set(ACTIONS)  # a new checkout mutation must be listed here
    variables = {"id": checkout_id, "l": [{"variantId": shop.variants["wine"], "quantity": 1}],
                 "x": ["Q2hlY2tvdXRMaW5lOjE="], "a": ADDRESS, "v": shop.es_vendor,
                 "m": shop.methods["es"]}
    for name, (declared, passed) in ACTIONS.items():
        document = (f"mutation($id: ID!{declared}) {{ {name}(id: $id{passed}) "
                    "{ errors { code } } }")
        used = {k: v for k, v in variables.items() if k == "id" or f"${k}" in declared}
        data = await client.gql(document, used, operator)
        assert data[name]["errors"] == [{"code": "NOT_FOUND"}], name
    async with client.runtime.db.read() as session:
        assert await session.scalar(select(func.count(Order.id))) == 0
    done = await client.gql(COMPLETE, {"id": checkout_id}, customer)
    assert done["checkoutComplete"]["order"]["status"] == "UNPAID"
    again = await client.gql(COMPLETE, {"id": checkout_id}, operator)
    assert [e["code"] for e in again["checkoutComplete"]["errors"]] == ["NOT_FOUND"]
