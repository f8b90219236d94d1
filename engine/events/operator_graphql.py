"""The outbox for operators: ``outboxDeadDeliveries`` (deliveries that failed
``hook_max_attempts`` times and are kept for inspection) and ``outboxDeliveryRetry(id)``,
which makes a dead delivery due again with a fresh count of attempts (the background loop
runs it within seconds)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from sqlalchemy import select, update

from engine.api.context import Info
from engine.api.errors import attempt, error_code_enum, payload_errors
from engine.api.ids import decode_id, encode_id
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.db.types import utcnow
from engine.errors import NotFound, ValidationError
from engine.events.models import OutboxDelivery, OutboxEvent
from engine.runtime import Runtime
from engine.vendors.access import require_operator

OutboxErrorCode = strawberry.enum(error_code_enum("OutboxErrorCode", ("INVALID_STATUS",)),
                                  description="Why an outbox mutation was refused.")


@strawberry.type
class OutboxError:
    field: str | None
    code: OutboxErrorCode  # type: ignore[valid-type]
    message: str


@strawberry.type(name="OutboxDelivery", description="One event's delivery to one plugin.")
class OutboxDeliveryType:
    id: strawberry.ID
    hook: str = strawberry.field(description="The lifecycle hook, e.g. ruta_order_paid.")
    plugin: str
    status: str = strawberry.field(description="pending, delivered or dead.")
    attempts: int
    last_error: str | None
    created_at: datetime = strawberry.field(description="When the event was recorded.")

    @classmethod
    def of(cls, delivery: OutboxDelivery, event: OutboxEvent) -> OutboxDeliveryType:
        return cls(id=strawberry.ID(encode_id("OutboxDelivery", delivery.id)), hook=event.hook,
                   plugin=delivery.plugin, status=delivery.status, attempts=delivery.attempts,
                   last_error=delivery.last_error, created_at=event.created_at)


@strawberry.type
class OutboxDeliveryPayload:
    delivery: OutboxDeliveryType | None = None
    errors: list[OutboxError] = strawberry.field(default_factory=list)


DEAD = OutboxDelivery.status == "dead"


@strawberry.type
class OutboxQuery:
    @strawberry.field(description="Dead deliveries, oldest first (operators).")
    async def outbox_dead_deliveries(self, info: Info, first: int | None = None,
                                     after: str | None = None, last: int | None = None,
                                     before: str | None = None
                                     ) -> Connection[OutboxDeliveryType]:
        require_operator(await info.context.user())
        query: Any = select(OutboxDelivery, OutboxEvent).join(
            OutboxEvent, OutboxEvent.id == OutboxDelivery.event_id).where(DEAD)
        runtime = info.context.runtime
        async with runtime.db.read() as session:
            page = await fetch_page(session, query, OutboxDelivery.id,
                                    PageArgs(first, after, last, before), lambda r: r[0].id)

        async def count() -> int:
            async with runtime.db.read() as session:
                return int(await session.scalar(count_of(select(OutboxDelivery.id).where(DEAD)))
                           or 0)

        return connection(page, lambda row: OutboxDeliveryType.of(row[0], row[1]),
                          lambda row: int(row[0].id), count)


async def retry(runtime: Runtime, delivery_id: int) -> OutboxDeliveryType:
    async with runtime.transaction() as session:
        delivery = await session.get(OutboxDelivery, delivery_id)
        if delivery is None:
            raise NotFound("id", "Delivery not found.")
        changed = await session.execute(
            update(OutboxDelivery).where(OutboxDelivery.id == delivery_id, DEAD).values(
                status="pending", attempts=0, next_attempt_at=utcnow(), claimed_until=None))
        if getattr(changed, "rowcount", 0) != 1:
            raise ValidationError("id", "INVALID_STATUS", "Only a dead delivery can be retried.")
        await session.refresh(delivery)
        event = await session.get(OutboxEvent, delivery.event_id)
        assert event is not None
        found = OutboxDeliveryType.of(delivery, event)
    if runtime.dispatcher is not None:
        runtime.dispatcher.wake()
    return found


@strawberry.type
class OutboxMutation:
    @strawberry.mutation(description="Run a dead delivery again, with a fresh count of "
                                     "attempts (operators).")
    async def outbox_delivery_retry(self, info: Info, id: strawberry.ID) -> OutboxDeliveryPayload:
        require_operator(await info.context.user())
        delivery, exc = await attempt(lambda: retry(
            info.context.runtime, decode_id(id, "OutboxDelivery")))
        if delivery is None:
            return OutboxDeliveryPayload(
                errors=payload_errors(exc, OutboxError, OutboxErrorCode) if exc else [])
        return OutboxDeliveryPayload(delivery=delivery)
