"""Account messages (fed by the accounts lifecycle events): e-mail verification, password
reset, password changed, and "someone tried to register with your address". They go by
e-mail only, never to the in-app inbox (a one-time link has no business in a list that
any signed-in session can read), in the account's language."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.accounts.models import User
from engine.notifications.locale import time_zone_of
from engine.notifications.spec import MessageType, Recipient
from engine.runtime import Runtime

TEMPLATES = Path(__file__).resolve().parent / "templates"


async def _owner(runtime: Runtime, user_id: int, context: dict[str, Any]) -> list[Recipient]:
    async with runtime.db.read() as session:
        user = await session.get(User, user_id)
    if user is None or not user.is_active:
        return []
    return [Recipient(user_id=user.id, language=user.language_code, country=user.country,
                      time_zone=user.time_zone or time_zone_of(user.country), context=context,
                      inbox=False)]


async def with_link(runtime: Runtime, user_id: int, link: str, occurred_at: Any,
                    **_: Any) -> Sequence[Recipient]:
    return await _owner(runtime, user_id, {"link": link, "at": occurred_at})


async def without_link(runtime: Runtime, user_id: int, occurred_at: Any,
                       **_: Any) -> Sequence[Recipient]:
    return await _owner(runtime, user_id, {"at": occurred_at})


ACCOUNT_TYPES = (
    MessageType("account_verification", "ACCOUNT", TEMPLATES / "account_verification",
                "ruta_account_verification_requested", with_link,
                "The e-mail-verification link (24 hours, once)."),
    MessageType("password_reset", "ACCOUNT", TEMPLATES / "password_reset",
                "ruta_password_reset_requested", with_link,
                "The password-reset link (one hour, once)."),
    MessageType("password_changed", "ACCOUNT", TEMPLATES / "password_changed",
                "ruta_password_changed", without_link,
                "Your password changed; every session was ended."),
    MessageType("registration_attempted", "ACCOUNT", TEMPLATES / "registration_attempted",
                "ruta_account_registration_attempted", without_link,
                "Someone tried to register with your address."),
)
