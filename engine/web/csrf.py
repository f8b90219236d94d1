"""CSRF form tokens: ``<nonce>.<issued>.<hmac(session id, nonce, issued)>``.

Every form carries one (``{{ csrf_field() }}`` in templates). A POST is refused unless its
token was issued for the same browser session, under the app's secret, less than
:data:`MAX_AGE` seconds ago. The nonce also makes the form once-only (``engine.web.once``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

FIELD = "csrf_token"
MAX_AGE = 24 * 3600


def _mac(key: bytes, sid: str, nonce: str, issued: str) -> str:
    return hmac.new(key, f"{sid}|{nonce}|{issued}".encode(), hashlib.sha256).hexdigest()[:40]


def issue(key: bytes, sid: str) -> str:
    nonce = secrets.token_urlsafe(18)
    issued = str(int(time.time()))
    return f"{nonce}.{issued}.{_mac(key, sid, nonce, issued)}"


def verify(key: bytes, sid: str, token: str | None) -> str | None:
    """The token's nonce when it is valid for this session, else None."""
    if not token or token.count(".") != 2:
        return None
    nonce, issued, mac = token.split(".")
    if not issued.isdigit() or time.time() - int(issued) > MAX_AGE:
        return None
    if not hmac.compare_digest(_mac(key, sid, nonce, issued), mac):
        return None
    return nonce
