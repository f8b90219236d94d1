"""Checking a user's secrets under the sign-in throttle (per account and client address).

Each check is counted as a failure before it runs and taken back when it succeeds (see
:mod:`engine.accounts.throttle`); while a key is locked nothing is checked and
:class:`engine.accounts.throttle.TooManyAttempts` is raised.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from engine.accounts import passwords, throttle
from engine.accounts.models import User
from engine.runtime import Runtime


async def throttled(runtime: Runtime, email: str, address: str | None, now: datetime,
                    check: Callable[[], Awaitable[bool]]) -> bool:
    account = throttle.account_key(runtime.settings, email)
    client = throttle.address_key(runtime.settings, address)
    await throttle.reserve(runtime, [k for k in (account, client) if k is not None], now)
    ok = await check()
    if ok:
        await throttle.release(runtime, account, client)
    return ok


async def check_password(runtime: Runtime, user: User | None, email: str, password: str, *,
                         address: str | None, now: datetime) -> bool:
    """Verify ``password`` (argon2 off the event loop) under the throttle."""
    return await throttled(runtime, email, address, now, lambda: passwords.verify_password_async(
        user.password_hash if user else None, password,
        threads=runtime.settings.password_hash_threads))
