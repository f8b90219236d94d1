"""Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second
steps, 6 digits, the codes of one step either side accepted for clock drift."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from datetime import datetime
from urllib.parse import quote, urlencode

STEP = 30
DIGITS = 6
DRIFT = 1


def new_secret() -> str:
    """A random 160-bit secret, base32 without padding (what authenticator apps read)."""
    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def _key(secret: str) -> bytes:
    return base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)


def hotp(secret: str, counter: int) -> str:
    digest = hmac.new(_key(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def step_of(when: datetime) -> int:
    return int(when.timestamp()) // STEP


def code_at(secret: str, when: datetime) -> str:
    return hotp(secret, step_of(when))


def matching_step(secret: str, code: str, when: datetime) -> int | None:
    """The time step whose code is ``code`` (now, or one step either side), or None."""
    code = code.strip().replace(" ", "")
    if len(code) != DIGITS or not code.isdigit():
        return None
    now = step_of(when)
    for step in range(now - DRIFT, now + DRIFT + 1):
        if hmac.compare_digest(hotp(secret, step), code):
            return step
    return None


def provisioning_uri(secret: str, account: str, issuer: str) -> str:
    """The ``otpauth://`` URI an authenticator app reads (usually from a QR code)."""
    query = urlencode({"secret": secret, "issuer": issuer, "algorithm": "SHA1",
                       "digits": DIGITS, "period": STEP})
    return f"otpauth://totp/{quote(issuer)}:{quote(account)}?{query}"
