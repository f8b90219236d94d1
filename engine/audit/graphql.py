"""``auditLog``: operators read who did what, when and from where."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from sqlalchemy import select
from strawberry.scalars import JSON

from engine.accounts.models import User
from engine.api.context import Info
from engine.api.ids import encode_id
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.audit.models import AuditEntry
from engine.vendors.access import require_operator


@strawberry.type(name="AuditEntry")
class AuditEntryType:
    id: strawberry.ID
    actor_id: strawberry.ID | None
    actor_email: str | None
    role: str
    action: str = strawberry.field(description="The mutation, e.g. vendorApprove.")
    targets: JSON = strawberry.field(description="The IDs the mutation was given.")
    outcome: str = strawberry.field(description="OK or REFUSED.")
    address: str | None = strawberry.field(description="The client's network address.")
    created_at: datetime

    @classmethod
    def of_row(cls, row: Any) -> AuditEntryType:
        entry, email = row
        return cls(id=strawberry.ID(encode_id("AuditEntry", entry.id)),
                   actor_id=strawberry.ID(encode_id("User", entry.actor_id))
                   if entry.actor_id else None,
                   actor_email=email, role=entry.role, action=entry.action,
                   targets=entry.targets, outcome=entry.outcome, address=entry.address,
                   created_at=entry.created_at)


@strawberry.type
class AuditQuery:
    @strawberry.field(description="Operators' and vendor owners' actions, oldest first "
                                  "(operators only); filter by mutation name.")
    async def audit_log(self, info: Info, first: int | None = None, after: str | None = None,
                        last: int | None = None, before: str | None = None,
                        action: str | None = None) -> Connection[AuditEntryType]:
        require_operator(await info.context.user())
        query: Any = select(AuditEntry, User.email).outerjoin(User, User.id == AuditEntry.actor_id)
        if action is not None:
            query = query.where(AuditEntry.action == action)
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            page = await fetch_page(session, query, AuditEntry.id,
                                    PageArgs(first, after, last, before), lambda r: r[0].id)

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(query)) or 0)

        return connection(page, AuditEntryType.of_row, lambda r: int(r[0].id), count)
