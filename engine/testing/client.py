"""A small GraphQL test client over the real ASGI app, with scenario helpers.

Part of the pytest plugin :mod:`engine.testing.plugin`: plugin authors use it through the
``client`` and ``plugged`` fixtures.
"""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import update
from starlette.applications import Starlette

from engine.accounts.models import User
from engine.runtime import Runtime

PASSWORD = "correct-horse-battery"


class Client:
    def __init__(self, app: Starlette) -> None:
        self.app = app
        self.runtime: Runtime = app.state.runtime
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                      base_url="http://testserver")

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.http.aclose()

    async def raw(self, query: str, variables: dict[str, Any] | None = None,
                  token: str | None = None) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = await self.http.post("/graphql", json={"query": query,
                                                          "variables": variables or {}},
                                        headers=headers)
        body: dict[str, Any] = response.json()
        return body

    async def gql(self, query: str, variables: dict[str, Any] | None = None,
                  token: str | None = None) -> dict[str, Any]:
        """Execute and return ``data``; fails the test on any GraphQL error."""
        body = await self.raw(query, variables, token)
        assert not body.get("errors"), body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    # --- scenario helpers -----------------------------------------------------------------

    async def register(self, email: str, password: str = PASSWORD) -> str:
        data = await self.gql(
            "mutation($i: AccountRegisterInput!) { accountRegister(input: $i) "
            "{ user { id } errors { field code message } } }",
            {"i": {"email": email, "password": password, "country": "ES"}})
        assert data["accountRegister"]["errors"] == [], data
        return await self.login(email, password)

    async def login(self, email: str, password: str = PASSWORD) -> str:
        data = await self.gql(
            "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) "
            "{ token errors { code } } }", {"e": email, "p": password})
        token: str = data["tokenCreate"]["token"]
        assert token, data
        return token

    async def operator(self, email: str = "operator@test.example") -> str:
        token = await self.register(email)
        async with self.runtime.db.write() as session:
            done = await session.execute(update(User).where(User.email == email)
                                         .values(is_operator=True))
            assert getattr(done, "rowcount", 0) == 1
        return token

    async def vendor(self, email: str, name: str, *, approve: bool = True,
                     country: str = "ES", postal_code: str = "21700",
                     operator_token: str | None = None) -> tuple[str, str]:
        """Register ``email``, apply as vendor ``name``; returns (token, vendor id)."""
        token = await self.register(email)
        data = await self.gql(
            "mutation($i: VendorCreateInput!) { vendorCreate(input: $i) "
            "{ vendor { id status } errors { field code message } } }",
            {"i": {"name": name, "country": country, "postalCode": postal_code,
                   "taxId": "B21000005", "pricesIncludeTax": True}}, token)
        assert data["vendorCreate"]["errors"] == [], data
        vendor_id: str = data["vendorCreate"]["vendor"]["id"]
        if approve:
            op = operator_token or await self.operator(f"op-{email}")
            approved = await self.gql(
                "mutation($id: ID!) { vendorApprove(id: $id) { vendor { status } errors "
                "{ code } } }", {"id": vendor_id}, op)
            assert approved["vendorApprove"]["vendor"]["status"] == "APPROVED", approved
        return token, vendor_id

    async def product(self, token: str, name: str = "Olive oil", *, kind: str = "PHYSICAL",
                      published: bool = True, price: str = "10.00", stock: int = 5,
                      **extra: Any) -> tuple[str, str]:
        """Create a product with one variant; returns (product id, variant id)."""
        data = await self.gql(
            "mutation($i: ProductCreateInput!) { productCreate(input: $i) "
            "{ product { id } errors { field code message } } }",
            {"i": {"name": name, "kind": kind, "isPublished": published, **extra}}, token)
        assert data["productCreate"]["errors"] == [], data
        product_id: str = data["productCreate"]["product"]["id"]
        variant = await self.gql(
            "mutation($i: ProductVariantCreateInput!) { productVariantCreate(input: $i) "
            "{ variant { id } errors { field code message } } }",
            {"i": {"productId": product_id, "sku": f"SKU-{product_id[-6:]}", "price": price,
                   "stock": stock}}, token)
        assert variant["productVariantCreate"]["errors"] == [], variant
        return product_id, variant["productVariantCreate"]["variant"]["id"]

