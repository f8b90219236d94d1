"""The in-app inbox over GraphQL: ``myNotifications``, ``myNotificationsUnreadCount``,
``notificationMarkRead``, ``notificationMarkAllRead``, ``myNotificationPreferences``,
``notificationPreferenceUpdate``."""

from __future__ import annotations

from datetime import datetime

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.errors import NotAuthenticated, ValidationError
from engine.notifications import inbox
from engine.notifications.models import Notification

NotificationErrorCode = strawberry.enum(
    error_code_enum("NotificationErrorCode", ("TRANSACTIONAL",)),
    description="Why a notification mutation was refused.")


@strawberry.type
class NotificationError:
    field: str | None
    code: NotificationErrorCode  # type: ignore[valid-type]
    message: str


def errors_of(exc: ValidationError | None) -> list[NotificationError]:
    return payload_errors(exc, NotificationError, NotificationErrorCode) if exc else []


@strawberry.type(name="Notification", description="A message to the signed-in user, in "
                                                  "their language (also sent by e-mail).")
class NotificationType:
    id: strawberry.ID
    type: str = strawberry.field(description="The message type, e.g. order_confirmation.")
    category: str
    language: str
    subject: str
    body_text: str
    body_html: str
    created_at: datetime
    read_at: datetime | None

    @classmethod
    def of(cls, note: Notification) -> NotificationType:
        return cls(id=strawberry.ID(encode_id("Notification", note.id)), type=note.type,
                   category=note.category, language=note.language, subject=note.subject,
                   body_text=note.body_text, body_html=note.body_html,
                   created_at=note.created_at, read_at=note.read_at)


@strawberry.type
class NotificationPayload:
    notification: NotificationType | None = None
    errors: list[NotificationError] = strawberry.field(default_factory=list)


@strawberry.type
class NotificationPreferencesPayload:
    disabled_categories: list[str] | None = None
    errors: list[NotificationError] = strawberry.field(default_factory=list)


@strawberry.type
class NotificationQuery:
    @strawberry.field(description="The signed-in user's notifications, oldest first (ask "
                                  "for `last: N` to get the newest N).")
    async def my_notifications(self, info: Info, first: int | None = None,
                               after: str | None = None, last: int | None = None,
                               before: str | None = None, unread_only: bool = False
                               ) -> Connection[NotificationType]:
        user = await info.context.user()
        if user is None:
            raise NotAuthenticated()
        condition = (Notification.user_id == user.id) & Notification.in_inbox
        if unread_only:
            condition &= Notification.read_at.is_(None)
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            page = await fetch_page(session, select(Notification).where(condition),
                                    Notification.id, PageArgs(first, after, last, before),
                                    lambda row: row[0].id)

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(
                    count_of(select(Notification.id).where(condition))) or 0)

        return connection(page, lambda row: NotificationType.of(row[0]),
                          lambda row: int(row[0].id), count)

    @strawberry.field(description="How many of the signed-in user's notifications are unread.")
    async def my_notifications_unread_count(self, info: Info) -> int:
        return await inbox.unread_count(info.context.runtime, await info.context.user())

    @strawberry.field(description="Categories the signed-in user switched off (NUDGE, "
                                  "REMINDER, ANNOUNCEMENT); transactional messages are "
                                  "always sent.")
    async def my_notification_preferences(self, info: Info) -> list[str]:
        return await inbox.disabled_categories(info.context.runtime, await info.context.user())


@strawberry.type
class NotificationMutation:
    @strawberry.mutation(description="Mark one of your notifications read.")
    async def notification_mark_read(self, info: Info, id: strawberry.ID
                                     ) -> NotificationPayload:
        user = await info.context.user()
        note, exc = await attempt(lambda: inbox.mark_read(
            info.context.runtime, user, decode_id(id, "Notification")))
        if note is None:
            return NotificationPayload(errors=errors_of(exc))
        return NotificationPayload(notification=NotificationType.of(note))

    @strawberry.mutation(description="Mark all your notifications read; returns how many.")
    async def notification_mark_all_read(self, info: Info) -> int:
        return await inbox.mark_all_read(info.context.runtime, await info.context.user())

    @strawberry.mutation(description="Switch a category of messages on or off, on every "
                                     "channel (only NUDGE, REMINDER and ANNOUNCEMENT can be "
                                     "switched off).")
    async def notification_preference_update(self, info: Info, category: str, enabled: bool
                                             ) -> NotificationPreferencesPayload:
        user = await info.context.user()
        found, exc = await attempt(lambda: inbox.set_category(
            info.context.runtime, user, category, enabled))
        if found is None:
            return NotificationPreferencesPayload(errors=errors_of(exc))
        return NotificationPreferencesPayload(disabled_categories=found)
