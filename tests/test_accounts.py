"""Accounts: registration, sign-in, rotating refresh tokens, revocation."""

from __future__ import annotations

import jwt
from sqlalchemy import select

from engine.accounts.models import User
from tests.client import PASSWORD, Client

REGISTER = """mutation($i: AccountRegisterInput!) { accountRegister(input: $i) {
  user { id email } errors { field code message } } }"""
TOKEN = """mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) {
  token refreshToken user { id email } errors { field code message } } }"""
REFRESH = """mutation($r: String!) { tokenRefresh(refreshToken: $r) {
  token refreshToken errors { field code } } }"""
ME = "{ me { id email isOperator } }"


async def users(client: Client) -> list[User]:
    async with client.runtime.db.read() as session:
        return list(await session.scalars(select(User)))


async def test_register_then_sign_in_and_read_me(client: Client) -> None:
    data = await client.gql(REGISTER, {"i": {"email": " Ana@Example.COM ", "password": PASSWORD,
                                             "languageCode": "ES", "country": "ES"}})
    assert data["accountRegister"]["errors"] == []
    signed = (await client.gql(TOKEN, {"e": "ana@example.com", "p": PASSWORD}))["tokenCreate"]
    me = await client.gql(ME, token=signed["token"])
    assert me["me"] == {"id": signed["user"]["id"], "email": "ana@example.com",
                        "isOperator": False}
    assert (await client.gql(ME))["me"] is None


async def test_password_is_stored_as_argon2id(client: Client) -> None:
    await client.register("hash@example.com")
    [user] = await users(client)
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


async def test_bad_registrations_are_refused_and_write_nothing(client: Client) -> None:
    await client.register("taken@example.com")
    cases = [
        ({"email": "not-an-email", "password": PASSWORD}, "email", "INVALID"),
        ({"email": "short@example.com", "password": "short"}, "password", "PASSWORD_TOO_SHORT"),
        ({"email": "far@example.com", "password": PASSWORD, "country": "US"}, "country",
         "UNSUPPORTED_COUNTRY"),
    ]
    for given, field, code in cases:
        data = await client.gql(REGISTER, {"i": given})
        assert data["accountRegister"]["user"] is None
        assert {"field": field, "code": code} == {
            k: data["accountRegister"]["errors"][0][k] for k in ("field", "code")}, given
    assert [u.email for u in await users(client)] == ["taken@example.com"]


async def test_wrong_password_gets_a_typed_error(client: Client) -> None:
    await client.register("who@example.com")
    for email, password in (("who@example.com", "wrong-password"), ("nobody@example.com", "x")):
        data = (await client.gql(TOKEN, {"e": email, "p": password}))["tokenCreate"]
        assert data["token"] is None
        assert data["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_refresh_token_works_exactly_once_and_reuse_revokes_everything(client: Client
                                                                             ) -> None:
    await client.register("rot@example.com")
    first = (await client.gql(TOKEN, {"e": "rot@example.com", "p": PASSWORD}))["tokenCreate"]
    second = (await client.gql(REFRESH, {"r": first["refreshToken"]}))["tokenRefresh"]
    assert second["errors"] == [] and second["token"]
    assert (await client.gql(ME, token=second["token"]))["me"]["email"] == "rot@example.com"
    reused = (await client.gql(REFRESH, {"r": first["refreshToken"]}))["tokenRefresh"]
    assert reused["token"] is None and reused["errors"][0]["code"] == "INVALID_TOKEN"
    # the reuse looked like theft: the pair issued by the legitimate refresh is dead too
    body = await client.raw(ME, token=second["token"])
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    dead = (await client.gql(REFRESH, {"r": second["refreshToken"]}))["tokenRefresh"]
    assert dead["errors"][0]["code"] == "INVALID_TOKEN"


async def test_revoke_all_ends_every_session(client: Client) -> None:
    token = await client.register("rev@example.com")
    other = await client.login("rev@example.com")
    data = await client.gql("mutation { tokenRevokeAll { ok } }", token=token)
    assert data["tokenRevokeAll"]["ok"] is True
    for old in (token, other):
        body = await client.raw(ME, token=old)
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    fresh = await client.login("rev@example.com")
    assert (await client.gql(ME, token=fresh))["me"]["email"] == "rev@example.com"


async def test_forged_or_misused_tokens_are_refused(client: Client) -> None:
    await client.register("forge@example.com")
    pair = (await client.gql(TOKEN, {"e": "forge@example.com", "p": PASSWORD}))["tokenCreate"]
    claims = jwt.decode(pair["token"], options={"verify_signature": False})
    forged_alg_none = jwt.encode(claims, key=None, algorithm="none")  # type: ignore[arg-type]
    other_key = jwt.encode(claims, "another-secret-key-of-enough-length!!", algorithm="HS256")
    wrong_audience = jwt.encode({**claims, "aud": "someone-else"},
                                client.runtime.settings.secret_key, algorithm="HS256")
    for bad in (forged_alg_none, other_key, wrong_audience, pair["refreshToken"], "garbage"):
        body = await client.raw(ME, token=bad)
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", bad
    access_as_refresh = (await client.gql(REFRESH, {"r": pair["token"]}))["tokenRefresh"]
    assert access_as_refresh["errors"][0]["code"] == "INVALID_TOKEN"
