"""The in-app inbox and preferences (service functions; GraphQL only translates)."""

from __future__ import annotations

from sqlalchemy import func, select, update

from engine.accounts.models import User
from engine.db.types import utcnow
from engine.errors import NotAuthenticated, NotFound, ValidationError
from engine.notifications.models import Notification, NotificationOptOut
from engine.notifications.spec import OPTIONAL_CATEGORIES
from engine.notifications.unsubscribe import opt_in, opt_out
from engine.runtime import Runtime


def _signed_in(user: User | None) -> User:
    if user is None:
        raise NotAuthenticated()
    return user


async def mark_read(runtime: Runtime, user: User | None, notification_id: int) -> Notification:
    """Mark one of the user's own notifications read (another user's is not found)."""
    viewer = _signed_in(user)
    async with runtime.db.write() as session:
        note = await session.get(Notification, notification_id)
        if note is None or note.user_id != viewer.id or not note.in_inbox:
            raise NotFound("id", "No such notification.")
        if note.read_at is None:
            note.read_at = utcnow()
        return note


async def mark_all_read(runtime: Runtime, user: User | None) -> int:
    viewer = _signed_in(user)
    async with runtime.db.write() as session:
        done = await session.execute(update(Notification).where(
            Notification.user_id == viewer.id, Notification.in_inbox,
            Notification.read_at.is_(None))
            .values(read_at=utcnow()))
        return int(getattr(done, "rowcount", 0))


async def unread_count(runtime: Runtime, user: User | None) -> int:
    viewer = _signed_in(user)
    async with runtime.db.read() as session:
        return int(await session.scalar(select(func.count(Notification.id)).where(
            Notification.user_id == viewer.id, Notification.in_inbox,
            Notification.read_at.is_(None))) or 0)


async def disabled_categories(runtime: Runtime, user: User | None) -> list[str]:
    viewer = _signed_in(user)
    async with runtime.db.read() as session:
        return sorted(await session.scalars(select(NotificationOptOut.category).where(
            NotificationOptOut.user_id == viewer.id)))


async def set_category(runtime: Runtime, user: User | None, category: str,
                       enabled: bool) -> list[str]:
    """Switch a category on or off for every channel; transactional ones stay on."""
    viewer = _signed_in(user)
    if category not in OPTIONAL_CATEGORIES:
        raise ValidationError("category", "TRANSACTIONAL",
                              "This kind of message cannot be switched off.")
    if enabled:
        await opt_in(runtime, viewer.id, category)
    else:
        await opt_out(runtime, viewer.id, category)
    return await disabled_categories(runtime, viewer)
