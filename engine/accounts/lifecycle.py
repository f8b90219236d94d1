"""The account lifecycle: e-mail verification, password reset and password change.

Messages to the user (links, "your password changed") are lifecycle events recorded in the
same transaction (``ruta_account_verification_requested``, ``ruta_password_reset_requested``,
``ruta_password_changed``); a notifications plugin turns them into e-mails after commit.
Changing or resetting a password bumps the user's token version: every session ends.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from engine.accounts import one_time, passwords
from engine.accounts.models import OneTimeToken, User
from engine.accounts.service import (
    TokenPair,
    check_new_password,
    issue_pair,
    public_link,
    request_verification_in,
)
from engine.accounts.verification import check_password
from engine.db.types import utcnow
from engine.errors import Collector, ValidationError
from engine.events.outbox import record
from engine.runtime import Runtime

RESET_PATH = "account/reset-password"


def _invalid_link() -> ValidationError:
    return ValidationError("token", "INVALID_TOKEN",
                           "The link is invalid, expired or already used.")


async def request_email_verification(runtime: Runtime, user: User,
                                     now: datetime | None = None) -> None:
    if user.email_verified_at is not None:
        raise ValidationError(None, "ALREADY_VERIFIED", "This e-mail is already verified.")
    async with runtime.transaction() as session:
        await request_verification_in(runtime, session, user, now or utcnow())


async def confirm_email(runtime: Runtime, token: str, now: datetime | None = None) -> User:
    now = now or utcnow()
    async with runtime.transaction() as session:
        user = await one_time.redeem(session, token, "verify_email", now)
        if user is None:
            raise _invalid_link()
        user.email_verified_at = user.email_verified_at or now
    return user


async def request_password_reset(runtime: Runtime, email: str, now: datetime | None = None
                                 ) -> None:
    """Record a reset link for an active account; the caller learns nothing either way."""
    now = now or utcnow()
    async with runtime.transaction() as session:
        user = await session.scalar(select(User).where(User.email == email.strip().lower()))
        if user is None or not user.is_active:
            return
        token = await one_time.issue(session, user, "reset_password", now)
        await record(session, runtime.plugins, "ruta_password_reset_requested",
                     user_id=user.id, link=public_link(runtime, RESET_PATH, token))


async def _set_password(runtime: Runtime, user: User, password: str, now: datetime) -> None:
    """Store the new hash, end every session, void outstanding reset links, tell the user."""
    new_hash = await passwords.hash_password_async(
        password, threads=runtime.settings.password_hash_threads)
    async with runtime.transaction() as session:
        await session.execute(update(User).where(User.id == user.id).values(
            password_hash=new_hash, token_version=User.token_version + 1))
        await session.execute(update(OneTimeToken).where(
            OneTimeToken.user_id == user.id, OneTimeToken.purpose == "reset_password",
            OneTimeToken.used_at.is_(None)).values(used_at=now))
        await record(session, runtime.plugins, "ruta_password_changed", user_id=user.id)
    user.token_version += 1


def _checked(password: str) -> None:
    errors = Collector()
    check_new_password(errors, password)
    errors.raise_if_any()


async def confirm_password_reset(runtime: Runtime, token: str, new_password: str,
                                 now: datetime | None = None) -> None:
    now = now or utcnow()
    _checked(new_password)
    async with runtime.transaction() as session:
        user = await one_time.redeem(session, token, "reset_password", now)
    if user is None:
        raise _invalid_link()
    await _set_password(runtime, user, new_password, now)


async def change_password(runtime: Runtime, user: User, old_password: str, new_password: str,
                          *, address: str | None = None, now: datetime | None = None
                          ) -> TokenPair:
    """Check the old password (throttled like sign-in), set the new one, end every other
    session and return a fresh token pair for this one."""
    now = now or utcnow()
    _checked(new_password)
    if not await check_password(runtime, user, user.email, old_password, address=address,
                                now=now):
        raise ValidationError("oldPassword", "INVALID_CREDENTIALS",
                              "The current password is wrong.")
    await _set_password(runtime, user, new_password, now)
    async with runtime.transaction() as session:
        return await issue_pair(runtime, session, user)
