"""User accounts and refresh tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from engine.db.base import Base, Timestamped
from engine.db.types import UTCDateTime


class User(Timestamped, Base):
    __tablename__ = "account_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_operator: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Bumped by ``tokenRevokeAll`` (and on refresh-token reuse): older tokens stop working.
    token_version: Mapped[int] = mapped_column(Integer, default=1)
    language_code: Mapped[str] = mapped_column(String(8), default="EN")
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)


class RefreshToken(Base):
    """A refresh token is usable exactly once (rotation); reuse revokes every session."""

    __tablename__ = "account_refresh_token"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True
    )
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
