"""What the e2e tests do over the public GraphQL API (the buyer, and checks)."""

from __future__ import annotations

from typing import Any

import httpx

ADDRESS = {"firstName": "Lucía", "lastName": "Gómez", "streetAddress1": "Calle Real 3",
           "city": "Sevilla", "postalCode": "41001", "country": "ES"}


class Api:
    def __init__(self, base: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=30)

    def gql(self, query: str, variables: dict[str, Any] | None = None,
            token: str | None = None) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        body = self.http.post("/graphql", json={"query": query, "variables": variables or {}},
                              headers=headers).json()
        assert not body.get("errors"), body
        data: dict[str, Any] = body["data"]
        return data

    def login(self, email: str, password: str) -> str:
        data = self.gql("mutation($e: String!, $p: String!) { tokenCreate(email: $e, "
                        "password: $p) { token errors { code } } }", {"e": email, "p": password})
        token: str = data["tokenCreate"]["token"]
        assert token, data
        return token

    def public_product(self, name: str) -> dict[str, Any] | None:
        data = self.gql("query($s: String!) { products(first: 5, filter: { search: $s }) "
                        "{ edges { node { id name variants { id } } } } }", {"s": name})
        for edge in data["products"]["edges"]:
            if edge["node"]["name"] == name:
                node: dict[str, Any] = edge["node"]
                return node
        return None

    def buy(self, token: str, variant_id: str, quantity: int) -> dict[str, Any]:
        """The buyer orders and pays (the demo's dummy gateway); returns the vendor order."""
        created = self.gql("""mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) {
          checkout { id vendors { vendor { id } availableShippingMethods { id } } }
          errors { field code message } } }""", {"i": {
            "email": "customer@ruta.example", "shippingAddress": ADDRESS,
            "lines": [{"variantId": variant_id, "quantity": quantity}]}}, token)
        checkout = created["checkoutCreate"]["checkout"]
        assert checkout, created
        for vendor in checkout["vendors"]:
            chosen = self.gql("""mutation($id: ID!, $v: ID!, $m: ID!) {
              checkoutShippingMethodUpdate(id: $id, vendorId: $v, shippingMethodId: $m) {
              errors { field code message } } }""", {
                "id": checkout["id"], "v": vendor["vendor"]["id"],
                "m": vendor["availableShippingMethods"][0]["id"]}, token)
            assert chosen["checkoutShippingMethodUpdate"]["errors"] == [], chosen
        done = self.gql("""mutation($id: ID!) { checkoutComplete(id: $id,
          paymentGateway: "dummy") { order { id vendorOrders { id total { gross { amount } } } }
          errors { field code message } } }""", {"id": checkout["id"]}, token)
        order = done["checkoutComplete"]["order"]
        assert order, done
        paid = self.gql("""mutation($id: ID!) { dummyPaymentConfirm(orderId: $id,
          succeed: true) { errors { field code message } } }""", {"id": order["id"]}, token)
        assert paid["dummyPaymentConfirm"]["errors"] == [], paid
        vendor_order: dict[str, Any] = order["vendorOrders"][0]
        return {**vendor_order, "orderId": order["id"]}

    def balance(self, token: str) -> dict[str, str]:
        data = self.gql("{ myVendor { balance { sales { amount } commission { amount } "
                        "refunded { amount } paidOut { amount } owed { amount } } } }",
                        token=token)
        return {key: value["amount"] for key, value in data["myVendor"]["balance"].items()}
