"""The ``Ruta-Signature`` header: ``t=<unix seconds>,v1=<hex HMAC-SHA256>`` (as Stripe).

The MAC is over ``f"{t}."`` followed by the raw request body, keyed with the endpoint's
secret. A receiver recomputes it over the bytes it received, compares in constant time and
refuses a ``t`` too far from its clock (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import time

HEADER = "Ruta-Signature"
DEFAULT_TOLERANCE = 300


def mac(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, timestamp: int | None = None) -> str:
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},v1={mac(secret, t, body)}"


def verify(header: str, secret: str, body: bytes, *, tolerance: int = DEFAULT_TOLERANCE,
           now: float | None = None) -> bool:
    """True when ``header`` signs ``body`` with ``secret`` within ``tolerance`` seconds."""
    parts: dict[str, list[str]] = {}
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        parts.setdefault(key, []).append(value)
    try:
        t = int(parts["t"][0])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - t) > tolerance:
        return False
    expected = mac(secret, t, body)
    return any(hmac.compare_digest(expected, v) for v in parts.get("v1", []))
