"""``mailbox``: the built-in mailbox (e-mails kept because no SMTP server is configured, as in
development and ``ruta serve --demo``), for operators only and never in production mode
(its e-mails hold one-time links meant for their recipients). Read-only: the
same list as ``ruta mail list``."""

from __future__ import annotations

from datetime import datetime

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.ids import encode_id
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.errors import PermissionDenied
from engine.notifications.models import Notification
from engine.vendors.access import require_operator


@strawberry.type(name="MailboxMessage", description="An e-mail kept in the built-in mailbox.")
class MailboxMessageType:
    id: strawberry.ID
    to: str
    type: str = strawberry.field(description="The message type, e.g. vendor_approved.")
    language: str
    subject: str
    body_text: str
    created_at: datetime

    @classmethod
    def of(cls, note: Notification) -> MailboxMessageType:
        return cls(id=strawberry.ID(encode_id("Notification", note.id)), to=note.email or "",
                   type=note.type, language=note.language, subject=note.subject,
                   body_text=note.body_text, created_at=note.created_at)


@strawberry.type
class MailboxQuery:
    @strawberry.field(description="E-mails in the built-in mailbox, oldest first "
                                  "(``last: 20``: the newest 20). Operators only.")
    async def mailbox(self, info: Info, first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None
                      ) -> Connection[MailboxMessageType]:
        require_operator(await info.context.user())
        if info.context.runtime.settings.is_production:
            raise PermissionDenied("The built-in mailbox is shown in development and demo "
                                   "mode only.")
        kept = Notification.email_status == "mailbox"
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            page = await fetch_page(session, select(Notification).where(kept), Notification.id,
                                    PageArgs(first, after, last, before), lambda r: r[0].id)

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(select(Notification.id).where(kept)))
                           or 0)

        return connection(page, lambda row: MailboxMessageType.of(row[0]),
                          lambda row: int(row[0].id), count)
