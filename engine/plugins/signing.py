"""Short-lived signed links for plugins: a token naming one thing for one audience.

A token is a JWT (HS256 with ``settings.secret_key``) carrying ``aud`` (what it is for,
e.g. ``jobs-cv``), ``sub`` (what it names, e.g. ``"12:34"``) and an expiry. Whoever checks
it learns the subject only if the signature, the audience and the expiry all hold; a
plugin never sees the key. Use them for private files (a download link valid minutes)
and one-click actions (an unsubscribe link, valid long).
"""

from __future__ import annotations

from datetime import timedelta

from engine.db.types import utcnow
from engine.settings import Settings

__all__ = ["sign_link", "verify_link"]


def sign_link(settings: Settings, audience: str, subject: str, ttl: timedelta) -> str:
    """A token for ``subject`` in ``audience`` that expires after ``ttl``."""
    import jwt

    now = utcnow()
    return jwt.encode({"aud": audience, "sub": subject, "iat": int(now.timestamp()),
                       "exp": int((now + ttl).timestamp())},
                      settings.secret_key, algorithm="HS256")


def verify_link(settings: Settings, audience: str, token: str) -> str | None:
    """The subject of a valid, unexpired ``audience`` token, else None."""
    import jwt

    try:
        data = jwt.decode(token, settings.secret_key, algorithms=["HS256"], audience=audience,
                          options={"require": ["exp", "aud", "sub"]})
        return str(data["sub"])
    except (jwt.PyJWTError, KeyError, TypeError, ValueError):
        return None
