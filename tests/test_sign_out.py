"""Signing out ends the session on the server, not only in the browser: ``tokenRevoke``
spends the session's refresh token, so a copy of it (a copied cookie, a stolen token)
cannot be exchanged again, and the web front-ends' sign-out calls it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from starlette.applications import Starlette

from engine.accounts.models import RefreshToken, User
from engine.testing.client import PASSWORD, Client
from tests.web_browser import Browser

PAIR = """mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) {
  token refreshToken } }"""
REVOKE = "mutation($r: String!) { tokenRevoke(refreshToken: $r) { ok } }"
REFRESH = """mutation($r: String!) { tokenRefresh(refreshToken: $r) {
  token refreshToken errors { code } } }"""


async def pair(client: Client, email: str) -> dict[str, Any]:
    data: dict[str, Any] = (await client.gql(PAIR, {"e": email, "p": PASSWORD}))["tokenCreate"]
    return data


async def test_a_revoked_refresh_token_cannot_be_exchanged(client: Client) -> None:
    await client.register("ana@example.com")
    laptop, phone = await pair(client, "ana@example.com"), await pair(client, "ana@example.com")
    assert (await client.gql(REVOKE, {"r": laptop["refreshToken"]}))["tokenRevoke"] == {
        "ok": True}
    assert (await client.gql(REVOKE, {"r": "not-a-token"}))["tokenRevoke"] == {"ok": True}
    # the phone's session is untouched by the laptop's sign-out
    rotated = (await client.gql(REFRESH, {"r": phone["refreshToken"]}))["tokenRefresh"]
    assert rotated["errors"] == [] and rotated["refreshToken"]
    # the laptop's refresh token is spent: using it again counts as theft
    refused = (await client.gql(REFRESH, {"r": laptop["refreshToken"]}))["tokenRefresh"]
    assert refused["errors"] == [{"code": "INVALID_TOKEN"}] and refused["token"] is None
    after = (await client.gql(REFRESH, {"r": rotated["refreshToken"]}))["tokenRefresh"]
    assert after["errors"] == [{"code": "INVALID_TOKEN"}]


async def unspent(client: Client, email: str) -> int:
    async with client.runtime.db.read() as session:
        user_id = await session.scalar(select(User.id).where(User.email == email))
        rows = (await session.scalars(select(RefreshToken).where(
            RefreshToken.user_id == user_id, RefreshToken.used_at.is_(None)))).all()
    return len(rows)


async def test_the_storefront_and_dashboard_sign_out_spend_the_refresh_token(
        app: Starlette, client: Client) -> None:
    await client.register("buyer@example.com")
    await client.vendor("seller@example.com", "Tienda")
    async with Browser(app) as shop, Browser(app) as dashboard:
        done = await shop.post("/account/login", {"email": "buyer@example.com",
                                                  "password": PASSWORD})
        assert done.status_code == 303
        before = await unspent(client, "buyer@example.com")
        assert before >= 1
        out = await shop.post("/account/logout", {}, form_page="/account")
        assert out.status_code == 303
        assert await unspent(client, "buyer@example.com") == before - 1
        await dashboard.login("seller@example.com", PASSWORD)
        before = await unspent(client, "seller@example.com")
        out = await dashboard.post("/dashboard/logout", {}, form_page="/dashboard/")
        assert out.status_code == 303
        assert await unspent(client, "seller@example.com") == before - 1
        away = await dashboard.get("/dashboard/orders")
        assert away.status_code == 303 and "/dashboard/login" in away.headers["location"]
