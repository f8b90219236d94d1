"""Account operations: registration, sign-in (throttled), token rotation and revocation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts import one_time, passwords, tokens, two_factor
from engine.accounts.models import RefreshToken, User
from engine.accounts.verification import check_password
from engine.db.types import utcnow
from engine.errors import Collector, ValidationError
from engine.events.outbox import record
from engine.input_rules import clean_email
from engine.runtime import Runtime


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str
    user: User


def check_new_password(errors: Collector, password: str) -> None:
    if len(password) < passwords.MIN_LENGTH:
        errors.add("password", "PASSWORD_TOO_SHORT",
                   f"Use at least {passwords.MIN_LENGTH} characters.")
    elif len(password) > passwords.MAX_LENGTH:
        errors.add("password", "PASSWORD_TOO_LONG",
                   f"Use at most {passwords.MAX_LENGTH} characters.")
    elif password.strip() == "":
        errors.add("password", "INVALID", "The password cannot be blank.")


async def register(
    runtime: Runtime, *, email: str, password: str, language_code: str, country: str | None,
    now: datetime | None = None,
) -> User | None:
    """Create an account, or, when the e-mail already has one, tell its owner instead.

    Both cases look the same to the caller (the same payload, the same argon2 work): the
    API never reveals whether an e-mail has an account. Returns the new user, or None.
    """
    now = now or utcnow()
    errors = Collector()
    normalised = clean_email(errors, "email", email)
    check_new_password(errors, password)
    if country is not None and country not in runtime.settings.supported_countries:
        errors.add("country", "UNSUPPORTED_COUNTRY", f"{country} is not served by this platform.")
    errors.raise_if_any()
    assert normalised is not None
    password_hash = await passwords.hash_password_async(
        password, threads=runtime.settings.password_hash_threads)
    try:
        async with runtime.transaction() as session:
            existing = await session.scalar(select(User).where(User.email == normalised))
            if existing is not None:
                await record(session, runtime.plugins, "ruta_account_registration_attempted",
                             user_id=existing.id)
                return None
            user = User(email=normalised, password_hash=password_hash,
                        language_code=language_code, country=country)
            session.add(user)
            await session.flush()
            await record(session, runtime.plugins, "ruta_user_registered", user_id=user.id,
                         email=user.email)
            await request_verification_in(runtime, session, user, now)
    except IntegrityError:  # a concurrent registration of the same e-mail won the race
        return None
    return user


async def request_verification_in(runtime: Runtime, session: AsyncSession, user: User,
                                  now: datetime) -> None:
    """Issue an e-mail verification token and record the message carrying its link."""
    token = await one_time.issue(session, user, "verify_email", now)
    await record(session, runtime.plugins, "ruta_account_verification_requested",
                 user_id=user.id, link=public_link(runtime, "account/verify-email", token))


def public_link(runtime: Runtime, path: str, token: str) -> str:
    return f"{runtime.settings.public_url.rstrip('/')}/{path}?{urlencode({'token': token})}"


async def issue_pair(runtime: Runtime, session: AsyncSession, user: User) -> TokenPair:
    access, _ = tokens.issue(runtime.settings, user.id, user.token_version, "access")
    refresh, claims = tokens.issue(runtime.settings, user.id, user.token_version, "refresh")
    session.add(RefreshToken(jti=claims.jti, user_id=user.id, expires_at=claims.expires_at))
    return TokenPair(access=access, refresh=refresh, user=user)


async def sign_in(runtime: Runtime, *, email: str, password: str, address: str | None = None,
                  otp_code: str | None = None, now: datetime | None = None) -> TokenPair:
    now = now or utcnow()
    normalised = email.strip().lower()
    async with runtime.db.read() as session:
        user = await session.scalar(select(User).where(User.email == normalised))
    if not await check_password(runtime, user, normalised, password, address=address, now=now):
        raise ValidationError("email", "INVALID_CREDENTIALS", "Wrong e-mail or password.")
    assert user is not None
    if not user.is_active:
        raise ValidationError("email", "INACTIVE", "This account is disabled.")
    await two_factor.check_sign_in(runtime, user, otp_code, address=address, now=now)
    async with runtime.transaction() as session:
        if passwords.needs_rehash(user.password_hash):
            new_hash = await passwords.hash_password_async(
                password, threads=runtime.settings.password_hash_threads)
            await session.execute(update(User).where(User.id == user.id).values(
                password_hash=new_hash))
        return await issue_pair(runtime, session, user)


async def rotate(runtime: Runtime, refresh_token: str) -> TokenPair:
    """Exchange a refresh token for a new pair. A token works once; reuse revokes all."""
    claims = tokens.decode(runtime.settings, refresh_token, "refresh")
    invalid = ValidationError("refreshToken", "INVALID_TOKEN", "The refresh token is invalid.")
    if claims is None:
        raise invalid
    async with runtime.transaction() as session:
        user = await session.get(User, claims.user_id)
        if user is None or not user.is_active or user.token_version != claims.version:
            raise invalid
        used = await session.execute(
            update(RefreshToken)
            .where(RefreshToken.jti == claims.jti, RefreshToken.user_id == user.id,
                   RefreshToken.used_at.is_(None), RefreshToken.expires_at > utcnow())
            .values(used_at=utcnow())
        )
        if getattr(used, "rowcount", 0) == 1:
            return await issue_pair(runtime, session, user)
    # Reuse of a spent token: someone else may hold it. End every session of this user.
    await revoke_all(runtime, claims.user_id)
    raise invalid


async def revoke(runtime: Runtime, refresh_token: str) -> None:
    """Sign one session out: its refresh token is spent, so it can no longer be exchanged
    (a later attempt counts as reuse and ends every session, as for a stolen token). The
    access token still works until it expires (minutes). Answers the same for any token."""
    claims = tokens.decode(runtime.settings, refresh_token, "refresh")
    if claims is None:
        return
    async with runtime.transaction() as session:
        await session.execute(
            update(RefreshToken)
            .where(RefreshToken.jti == claims.jti, RefreshToken.user_id == claims.user_id,
                   RefreshToken.used_at.is_(None))
            .values(used_at=utcnow()))


async def revoke_all(runtime: Runtime, user_id: int) -> None:
    async with runtime.transaction() as session:
        await session.execute(
            update(User).where(User.id == user_id).values(token_version=User.token_version + 1)
        )


async def user_for_access_token(runtime: Runtime, token: str) -> User | None:
    claims = tokens.decode(runtime.settings, token, "access")
    if claims is None:
        return None
    async with runtime.db.read() as session:
        user = await session.get(User, claims.user_id)
    if user is None or not user.is_active or user.token_version != claims.version:
        return None
    return user
