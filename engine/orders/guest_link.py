"""Signed links to one order, for buyers without an account (guest checkout).

A link is a JWT (HS256, audience ``ruta-order``) naming the order; it is e-mailed with the
order confirmation and opened with ``orderByToken(token)``, which shows the buyer's full
view of that order (its downloads included). Valid ``LINK_TTL``.
"""

from __future__ import annotations

from datetime import timedelta

from engine.db.types import utcnow
from engine.settings import Settings

AUDIENCE = "ruta-order"
LINK_TTL = timedelta(days=365)


def sign(settings: Settings, order_id: int) -> str:
    import jwt

    now = utcnow()
    return jwt.encode({"order": order_id, "aud": AUDIENCE, "iat": int(now.timestamp()),
                       "exp": int((now + LINK_TTL).timestamp())},
                      settings.secret_key, algorithm="HS256")


def verify(settings: Settings, token: str) -> int | None:
    import jwt

    try:
        data = jwt.decode(token, settings.secret_key, algorithms=["HS256"], audience=AUDIENCE,
                          options={"require": ["exp", "aud", "order"]})
        return int(data["order"])
    except (jwt.PyJWTError, KeyError, TypeError, ValueError):
        return None


def link(settings: Settings, order_id: int) -> str:
    return f"{settings.public_url.rstrip('/')}/orders/view?token={sign(settings, order_id)}"
