"""Sign-in throttling per account and per client address, shared by every worker.

Each attempt is counted as a failure *before* the password is checked (in its own short
transaction, rows locked), and taken back when it succeeds: concurrent attempts on several
workers can never run more argon2 verifications than the limit allows. A key that reaches
its limit is locked for ``RUTA_LOGIN_LOCKOUT`` seconds, doubling with every further failure
(at most a day); a key with no failure for ``WINDOW`` starts again from zero.

Keys are keyed hashes (HMAC-SHA256 with the secret key) of the normalised e-mail and of the
client address, so the table holds no personal data in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import LoginThrottle
from engine.errors import ValidationError
from engine.runtime import Runtime
from engine.settings import Settings

WINDOW = timedelta(minutes=15)
MAX_LOCKOUT = timedelta(days=1)


class TooManyAttempts(ValidationError):
    """Refused without checking the password; ``retry_at`` says when to try again."""

    def __init__(self, retry_at: datetime, now: datetime) -> None:
        seconds = max(1, math.ceil((retry_at - now).total_seconds()))
        super().__init__("email", "TOO_MANY_ATTEMPTS",
                         f"Too many failed attempts; try again in {seconds} seconds.")
        self.retry_at = retry_at


@dataclass(frozen=True)
class ThrottleKey:
    key: str
    limit: int


def _digest(settings: Settings, kind: str, value: str) -> str:
    mac = hmac.new(settings.secret_key.encode(), f"{kind}:{value}".encode(), hashlib.sha256)
    return f"{kind}:{mac.hexdigest()}"


def account_key(settings: Settings, email: str) -> ThrottleKey:
    return ThrottleKey(_digest(settings, "account", email.strip().lower()),
                       settings.login_max_failures)


def address_key(settings: Settings, address: str | None) -> ThrottleKey | None:
    if not address:
        return None
    return ThrottleKey(_digest(settings, "address", address),
                       settings.login_max_failures_per_address)


def _lockout(settings: Settings, over: int) -> timedelta:
    seconds = settings.login_lockout * 2 ** min(over, 20)
    return min(timedelta(seconds=seconds), MAX_LOCKOUT)


async def _locked_rows(session: AsyncSession, keys: list[ThrottleKey], now: datetime
                       ) -> list[LoginThrottle]:
    dialect = (await session.connection()).dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(insert(LoginThrottle).values(
        [{"key": k.key, "failures": 0, "last_failure_at": now} for k in keys]
    ).on_conflict_do_nothing(index_elements=["key"]))
    rows = await session.scalars(
        select(LoginThrottle).where(LoginThrottle.key.in_([k.key for k in keys]))
        .order_by(LoginThrottle.key).with_for_update())
    return list(rows)


async def reserve(runtime: Runtime, keys: list[ThrottleKey], now: datetime) -> None:
    """Count one attempt against every key, or raise :class:`TooManyAttempts` if one is locked."""
    limits = {k.key: k.limit for k in keys}
    retry_at: datetime | None = None
    async with runtime.transaction() as session:
        rows = await _locked_rows(session, keys, now)
        locked = [r.locked_until for r in rows if r.locked_until and r.locked_until > now]
        if locked:
            retry_at = max(locked)
        else:
            for row in rows:
                if row.last_failure_at < now - WINDOW:
                    row.failures = 0
                row.failures += 1
                row.last_failure_at = now
                over = row.failures - limits[row.key]
                row.locked_until = now + _lockout(runtime.settings, over) if over >= 0 else None
    if retry_at is not None:
        raise TooManyAttempts(retry_at, now)


async def release(runtime: Runtime, account: ThrottleKey, address: ThrottleKey | None) -> None:
    """The attempt succeeded: forget the account's failures and take back the address's one."""
    async with runtime.transaction() as session:
        await session.execute(delete(LoginThrottle).where(LoginThrottle.key == account.key))
        if address is None:
            return
        row = await session.scalar(select(LoginThrottle).where(
            LoginThrottle.key == address.key).with_for_update())
        if row is not None:
            row.failures = max(0, row.failures - 1)
            if row.failures < address.limit:
                row.locked_until = None
