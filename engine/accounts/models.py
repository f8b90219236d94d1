"""User accounts, refresh tokens, one-time tokens and the sign-in throttle."""

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
    name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    time_zone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: Set by ``accountDelete``: personal data is gone, orders and invoices remain.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class RefreshToken(Base):
    """A refresh token is usable exactly once (rotation); reuse revokes every session."""

    __tablename__ = "account_refresh_token"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True
    )
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class OneTimeToken(Base):
    """A single-use, purpose-bound token (e-mail verification, password reset).

    Only the SHA-256 of the token is stored; the token itself travels in the link.
    """

    __tablename__ = "account_one_time_token"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(32))
    #: The e-mail the token was issued for: changing the address voids it.
    email: Mapped[str] = mapped_column(String(254))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class LoginThrottle(Base):
    """Failed sign-ins per key (a keyed hash of an e-mail or of a client address).

    Shared by every worker through the database; no e-mail or address is stored in clear.
    """

    __tablename__ = "account_login_throttle"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime())
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class TotpDevice(Base):
    """A user's authenticator (two-factor sign-in); active once confirmed with a code."""

    __tablename__ = "account_totp_device"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: The last time step accepted: a code is never accepted twice.
    last_step: Mapped[int] = mapped_column(Integer, default=0)


class RecoveryCode(Base):
    """A single-use recovery code (SHA-256 only), for when the authenticator is lost."""

    __tablename__ = "account_recovery_code"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("account_user.id", ondelete="CASCADE"), index=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
