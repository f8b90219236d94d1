"""Two-factor sign-in (RFC 6238 TOTP) with single-use recovery codes; required for operators
in production."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from engine.accounts import totp
from engine.accounts.service import sign_in
from engine.db.types import utcnow
from engine.errors import ValidationError
from tests.client import PASSWORD, Client

SETUP = "mutation { totpSetup { secret otpauthUri errors { code } } }"
CONFIRM = """mutation($c: String!) { totpConfirm(code: $c) { recoveryCodes
  errors { field code } } }"""
DISABLE = """mutation($p: String!, $c: String!) { totpDisable(password: $p, code: $c) { ok
  errors { field code } } }"""
TOKEN = """mutation($e: String!, $p: String!, $o: String) { tokenCreate(email: $e, password: $p,
  otpCode: $o) { token errors { field code message } } }"""


def test_codes_match_the_rfc_6238_test_vectors() -> None:
    secret = base64.b32encode(b"12345678901234567890").decode()
    for seconds, code in ((59, "287082"), (1111111109, "081804"), (1234567890, "005924"),
                          (2000000000, "279037")):
        assert totp.code_at(secret, datetime.fromtimestamp(seconds, UTC)) == code


async def enrol(client: Client, token: str) -> tuple[str, list[str]]:
    made = (await client.gql(SETUP, token=token))["totpSetup"]
    query = parse_qs(urlparse(made["otpauthUri"]).query)
    assert made["otpauthUri"].startswith("otpauth://totp/Ruta:")
    assert query["secret"] == [made["secret"]] and query["digits"] == ["6"]
    wrong = (await client.gql(CONFIRM, {"c": "000000"}, token))["totpConfirm"]
    assert wrong["errors"][0]["code"] == "INVALID_OTP" or totp.code_at(
        made["secret"], utcnow()) == "000000"
    done = (await client.gql(CONFIRM, {"c": totp.code_at(made["secret"], utcnow())}, token)
            )["totpConfirm"]
    assert done["errors"] == [] and len(set(done["recoveryCodes"])) == 10
    return made["secret"], done["recoveryCodes"]


async def test_once_on_sign_in_needs_a_fresh_code_or_a_recovery_code(client: Client) -> None:
    token = await client.register("ana@example.com")
    secret, recovery = await enrol(client, token)
    missing = (await client.gql(TOKEN, {"e": "ana@example.com", "p": PASSWORD}))["tokenCreate"]
    assert (missing["token"], missing["errors"][0]["code"]) == (None, "OTP_REQUIRED")
    rt = client.runtime
    later = utcnow() + timedelta(minutes=2)
    code = totp.code_at(secret, later)
    pair = await sign_in(rt, email="ana@example.com", password=PASSWORD, otp_code=code, now=later)
    assert pair.user.email == "ana@example.com"
    with pytest.raises(ValidationError) as replayed:  # the same code never works twice
        await sign_in(rt, email="ana@example.com", password=PASSWORD, otp_code=code, now=later)
    assert replayed.value.errors[0].code == "INVALID_OTP"
    by_recovery = await client.gql(TOKEN, {"e": "ana@example.com", "p": PASSWORD,
                                           "o": recovery[0].upper()})
    assert by_recovery["tokenCreate"]["token"]
    again = await client.gql(TOKEN, {"e": "ana@example.com", "p": PASSWORD, "o": recovery[0]})
    assert again["tokenCreate"]["errors"][0]["code"] == "INVALID_OTP"


async def test_turning_it_off_needs_the_password_and_a_code(client: Client) -> None:
    token = await client.register("ana@example.com")
    _, recovery = await enrol(client, token)
    wrong = (await client.gql(DISABLE, {"p": "not-the-password", "c": recovery[1]}, token))
    assert wrong["totpDisable"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    done = (await client.gql(DISABLE, {"p": PASSWORD, "c": recovery[1]}, token))["totpDisable"]
    assert done == {"ok": True, "errors": []}
    assert await client.login("ana@example.com")  # no code needed any more


async def test_in_production_operators_must_have_it(plugged: Any) -> None:
    async with plugged(mode="production") as client:
        await client.operator("boss@example.com")
        refused = await client.gql(TOKEN, {"e": "boss@example.com", "p": PASSWORD})
        assert refused["tokenCreate"]["errors"][0]["code"] == "TOTP_REQUIRED"
        customer = await client.register("ana@example.com")  # customers choose
        assert customer
