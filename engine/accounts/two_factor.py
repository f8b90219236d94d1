"""Optional two-factor sign-in with an authenticator app (TOTP) and recovery codes.

Set up with ``totpSetup`` (a secret and its ``otpauth://`` URI), switched on by
``totpConfirm`` with a first code (which returns ten single-use recovery codes, shown once),
off with ``totpDisable`` (password and a code). Once on, ``tokenCreate`` needs ``otpCode``
(a current code or a recovery code); a code is accepted once. Codes are checked under the
sign-in throttle. In production, operators cannot sign in without it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import delete, update

from engine.accounts import totp
from engine.accounts.models import RecoveryCode, TotpDevice, User
from engine.accounts.verification import check_password, throttled
from engine.errors import ValidationError
from engine.runtime import Runtime

ISSUER = "Ruta"
RECOVERY_CODES = 10


def _digest(code: str) -> str:
    return hashlib.sha256(code.strip().lower().replace("-", "").encode()).hexdigest()


async def _device(runtime: Runtime, user_id: int) -> TotpDevice | None:
    async with runtime.db.read() as session:
        return await session.get(TotpDevice, user_id)


async def is_enabled(runtime: Runtime, user_id: int) -> bool:
    device = await _device(runtime, user_id)
    return device is not None and device.confirmed_at is not None


async def setup(runtime: Runtime, user: User) -> tuple[str, str]:
    """A new (unconfirmed) secret and its provisioning URI."""
    if await is_enabled(runtime, user.id):
        raise ValidationError(None, "TOTP_ALREADY_ENABLED",
                              "Two-factor sign-in is already on; turn it off first.")
    secret = totp.new_secret()
    async with runtime.transaction() as session:
        await session.execute(delete(TotpDevice).where(TotpDevice.user_id == user.id))
        session.add(TotpDevice(user_id=user.id, secret=secret))
    return secret, totp.provisioning_uri(secret, user.email, ISSUER)


async def _accept(runtime: Runtime, user_id: int, code: str, now: datetime,
                  *, recovery: bool) -> bool:
    """Accept ``code`` once: a TOTP code of a later step than the last, or a recovery code."""
    device = await _device(runtime, user_id)
    if device is None:
        return False
    step = totp.matching_step(device.secret, code, now)
    async with runtime.transaction() as session:
        if step is not None:
            done = await session.execute(update(TotpDevice).where(
                TotpDevice.user_id == user_id, TotpDevice.last_step < step).values(
                last_step=step))
            return getattr(done, "rowcount", 0) == 1
        if not recovery:
            return False
        used = await session.execute(update(RecoveryCode).where(
            RecoveryCode.user_id == user_id, RecoveryCode.digest == _digest(code),
            RecoveryCode.used_at.is_(None)).values(used_at=now))
        return getattr(used, "rowcount", 0) == 1


async def confirm(runtime: Runtime, user: User, code: str, *, address: str | None,
                  now: datetime) -> list[str]:
    """Switch two-factor sign-in on with a first code; returns the recovery codes."""
    device = await _device(runtime, user.id)
    if device is None or device.confirmed_at is not None:
        raise ValidationError(None, "TOTP_NOT_SET_UP", "Start with totpSetup.")
    if not await throttled(runtime, user.email, address, now,
                           lambda: _accept(runtime, user.id, code, now, recovery=False)):
        raise ValidationError("code", "INVALID_OTP", "The code is wrong or was already used.")
    codes = [f"{secrets.token_hex(4)}-{secrets.token_hex(4)}" for _ in range(RECOVERY_CODES)]
    async with runtime.transaction() as session:
        await session.execute(update(TotpDevice).where(TotpDevice.user_id == user.id)
                              .values(confirmed_at=now))
        await session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
        session.add_all(RecoveryCode(digest=_digest(c), user_id=user.id) for c in codes)
    return codes


async def check_sign_in(runtime: Runtime, user: User, code: str | None, *,
                        address: str | None, now: datetime) -> None:
    """The second factor of ``tokenCreate``, after the password was accepted."""
    if not await is_enabled(runtime, user.id):
        if runtime.settings.is_production and user.is_operator:
            raise ValidationError("otpCode", "TOTP_REQUIRED",
                                  "Operators must set up two-factor sign-in first.")
        return
    if not code:
        raise ValidationError("otpCode", "OTP_REQUIRED",
                              "Enter the code from your authenticator app.")
    if not await throttled(runtime, user.email, address, now,
                           lambda: _accept(runtime, user.id, code, now, recovery=True)):
        raise ValidationError("otpCode", "INVALID_OTP", "The code is wrong or was already used.")


async def disable(runtime: Runtime, user: User, password: str, code: str, *,
                  address: str | None, now: datetime) -> None:
    if not await check_password(runtime, user, user.email, password, address=address, now=now):
        raise ValidationError("password", "INVALID_CREDENTIALS", "The password is wrong.")
    await check_sign_in(runtime, user, code, address=address, now=now)
    async with runtime.transaction() as session:
        await session.execute(delete(TotpDevice).where(TotpDevice.user_id == user.id))
        await session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
