"""JSON Web Tokens: short-lived access tokens and single-use refresh tokens.

HS256 only (the algorithm is pinned on decode), with ``aud``, ``iss``, ``typ`` (access or
refresh), ``sub`` (user id), ``ver`` (the user's token version) and ``jti`` claims.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from engine.db.types import utcnow
from engine.settings import Settings

ALGORITHM = "HS256"
TokenType = Literal["access", "refresh"]


@dataclass(frozen=True)
class TokenClaims:
    user_id: int
    version: int
    jti: str
    type: TokenType
    expires_at: datetime


def issue(
    settings: Settings, user_id: int, version: int, type_: TokenType, *, now: datetime | None = None
) -> tuple[str, TokenClaims]:
    import jwt

    now = now or utcnow()
    ttl = settings.access_token_ttl if type_ == "access" else settings.refresh_token_ttl
    claims = TokenClaims(user_id, version, uuid.uuid4().hex, type_, now + timedelta(seconds=ttl))
    token = jwt.encode(
        {
            "sub": str(user_id),
            "ver": version,
            "typ": type_,
            "jti": claims.jti,
            "aud": settings.jwt_audience,
            "iss": settings.jwt_issuer,
            "iat": int(now.timestamp()),
            "exp": int(claims.expires_at.timestamp()),
        },
        settings.secret_key,
        algorithm=ALGORITHM,
    )
    return token, claims


def decode(settings: Settings, token: str, expected: TokenType) -> TokenClaims | None:
    """Verified claims of ``token``, or None when it is invalid, expired or of another type."""
    import jwt

    try:
        data = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[ALGORITHM],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={"require": ["exp", "iat", "sub", "aud", "iss", "jti"]},
        )
    except jwt.PyJWTError:
        return None
    if data.get("typ") != expected:
        return None
    try:
        return TokenClaims(
            user_id=int(data["sub"]),
            version=int(data["ver"]),
            jti=str(data["jti"]),
            type=expected,
            expires_at=datetime.fromtimestamp(int(data["exp"]), tz=utcnow().tzinfo),
        )
    except (KeyError, TypeError, ValueError):
        return None
