"""Single-use, purpose-bound tokens for links sent by e-mail (verification, password reset).

The token is 32 random bytes (URL-safe); only its SHA-256 is stored, with the purpose, the
e-mail it was sent to and an expiry. Redeeming marks it used with a conditional update, so
two concurrent redemptions cannot both succeed.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import OneTimeToken, User

Purpose = Literal["verify_email", "reset_password"]
LIFETIMES: dict[Purpose, timedelta] = {
    "verify_email": timedelta(hours=24),
    "reset_password": timedelta(hours=1),
}


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def issue(session: AsyncSession, user: User, purpose: Purpose, now: datetime) -> str:
    token = secrets.token_urlsafe(32)
    session.add(OneTimeToken(digest=_digest(token), user_id=user.id, purpose=purpose,
                             email=user.email, expires_at=now + LIFETIMES[purpose]))
    await session.flush()
    return token


async def redeem(session: AsyncSession, token: str, purpose: Purpose, now: datetime
                 ) -> User | None:
    """The user ``token`` was issued to, marking the token used; None when it is unknown,
    of another purpose, expired, spent, or the account's e-mail changed since."""
    digest = _digest(token.strip())
    used = await session.execute(
        update(OneTimeToken)
        .where(OneTimeToken.digest == digest, OneTimeToken.purpose == purpose,
               OneTimeToken.used_at.is_(None), OneTimeToken.expires_at > now)
        .values(used_at=now))
    if getattr(used, "rowcount", 0) != 1:
        return None
    row = await session.scalar(select(OneTimeToken).where(OneTimeToken.digest == digest))
    assert row is not None
    user = await session.get(User, row.user_id)
    if user is None or not user.is_active or user.email != row.email:
        return None
    return user
