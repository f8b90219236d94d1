"""``webhooks``, ``webhookDeliveries``, ``webhookCreate/Update/Delete``,
``webhookDeliveryRetry``: resolvers translate, :mod:`.service` decides (operators only)."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import select

from engine.api.context import Info
from engine.api.errors import attempt
from engine.api.ids import decode_id
from engine.api.pagination import Connection, PageArgs, connection, count_of, fetch_page
from engine.vendors.access import require_operator
from engine.webhooks_out import sender, service
from engine.webhooks_out.models import Webhook, WebhookDelivery
from engine.webhooks_out.types import (
    WebhookCreateInput,
    WebhookDeliveryRetryPayload,
    WebhookDeliveryStatus,
    WebhookDeliveryType,
    WebhookPayload,
    WebhookType,
    WebhookUpdateInput,
    errors_of,
)


async def _page(info: Info, model: Any, condition: Any, args: PageArgs, build: Any) -> Any:
    runtime = info.context.runtime
    async with runtime.db.read() as session:
        page = await fetch_page(session, select(model).where(condition), model.id, args,
                                lambda row: row[0].id)

    async def count() -> int:
        async with runtime.db.read() as session:
            return int(await session.scalar(count_of(select(model.id).where(condition))) or 0)

    return connection(page, lambda row: build(row[0]), lambda row: int(row[0].id), count)


@strawberry.type
class WebhookQuery:
    @strawberry.field(description="Registered webhook endpoints (operators only).")
    async def webhooks(self, info: Info, first: int | None = None, after: str | None = None,
                       last: int | None = None, before: str | None = None
                       ) -> Connection[WebhookType]:
        require_operator(await info.context.user())
        return await _page(info, Webhook, Webhook.id.is_not(None),  # type: ignore[no-any-return]
                           PageArgs(first, after, last, before), WebhookType.of)

    @strawberry.field(description="The delivery log, oldest first (operators only).")
    async def webhook_deliveries(
        self, info: Info, first: int | None = None, after: str | None = None,
        last: int | None = None, before: str | None = None,
        webhook_id: strawberry.ID | None = None, status: WebhookDeliveryStatus | None = None,
    ) -> Connection[WebhookDeliveryType]:
        require_operator(await info.context.user())
        condition: Any = WebhookDelivery.id.is_not(None)
        if webhook_id is not None:
            condition &= WebhookDelivery.webhook_id == decode_id(webhook_id, "Webhook",
                                                                 field="webhookId")
        if status is not None:
            condition &= WebhookDelivery.status == status.value
        return await _page(info, WebhookDelivery, condition,  # type: ignore[no-any-return]
                           PageArgs(first, after, last, before), WebhookDeliveryType.of)


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(description="Register an endpoint for lifecycle events (operators). "
                                     "The payload's secret is shown only now.")
    async def webhook_create(self, info: Info, input: WebhookCreateInput) -> WebhookPayload:
        user = await info.context.user()
        data = service.WebhookData(name=input.name, url=input.url, is_active=input.is_active,
                                   events=[e.value for e in input.events])
        webhook, exc = await attempt(lambda: service.create(info.context.runtime, user, data))
        if webhook is None:
            return WebhookPayload(errors=errors_of(exc))
        return WebhookPayload(webhook=WebhookType.of(webhook), secret=webhook.secret)

    @strawberry.mutation(description="Change an endpoint; omitted fields stay (operators).")
    async def webhook_update(self, info: Info, id: strawberry.ID, input: WebhookUpdateInput
                             ) -> WebhookPayload:
        user = await info.context.user()
        data = service.WebhookData(
            name=input.name, url=input.url, is_active=input.is_active,
            events=[e.value for e in input.events] if input.events is not None else None)
        webhook, exc = await attempt(lambda: service.update_webhook(
            info.context.runtime, user, decode_id(id, "Webhook"), data, input.rotate_secret))
        if webhook is None:
            return WebhookPayload(errors=errors_of(exc))
        return WebhookPayload(webhook=WebhookType.of(webhook),
                              secret=webhook.secret if input.rotate_secret else None)

    @strawberry.mutation(description="Remove an endpoint and its delivery log (operators).")
    async def webhook_delete(self, info: Info, id: strawberry.ID) -> WebhookPayload:
        user = await info.context.user()
        webhook, exc = await attempt(lambda: service.delete(info.context.runtime, user,
                                                            decode_id(id, "Webhook")))
        if webhook is None:
            return WebhookPayload(errors=errors_of(exc))
        return WebhookPayload(webhook=WebhookType.of(webhook))

    @strawberry.mutation(description="Send a delivery again now, whatever its status: the "
                                     "same body and event id (operators).")
    async def webhook_delivery_retry(self, info: Info, id: strawberry.ID
                                     ) -> WebhookDeliveryRetryPayload:
        runtime = info.context.runtime
        user = await info.context.user()

        async def retry() -> WebhookDelivery | None:
            delivery_id = decode_id(id, "WebhookDelivery")
            await service.schedule_retry(runtime, user, delivery_id)
            await sender.send_due(runtime, delivery_id=delivery_id)  # no transaction open
            async with runtime.db.read() as session:
                return await session.get(WebhookDelivery, delivery_id)

        delivery, exc = await attempt(retry)
        if delivery is None:
            return WebhookDeliveryRetryPayload(errors=errors_of(exc))
        return WebhookDeliveryRetryPayload(delivery=WebhookDeliveryType.of(delivery))
