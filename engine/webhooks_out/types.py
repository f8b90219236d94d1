"""GraphQL types of outbound webhooks (operators only; the secret is shown once)."""

from __future__ import annotations

import enum
import json
from datetime import datetime
from typing import Any

import strawberry

from engine.api.errors import error_code_enum, payload_errors
from engine.api.ids import encode_id
from engine.errors import ValidationError
from engine.webhooks_out.events import EVENT_TYPES, event_id_text
from engine.webhooks_out.models import Webhook, WebhookDelivery


@strawberry.enum(description="Lifecycle events an endpoint may subscribe to (ORDER_PAID is "
                             "sent as \"order.paid\").")
class WebhookEventType(enum.Enum):
    USER_REGISTERED = "user.registered"
    VENDOR_APPLIED = "vendor.applied"
    VENDOR_APPROVED = "vendor.approved"
    PRODUCT_CREATED = "product.created"
    PRODUCT_UPDATED = "product.updated"
    PRODUCT_DELETED = "product.deleted"
    ORDER_CREATED = "order.created"
    ORDER_PAID = "order.paid"
    ORDER_CANCELLED = "order.cancelled"
    VENDOR_ORDER_FULFILLED = "vendor_order.fulfilled"
    ORDER_REFUNDED = "order.refunded"


assert {e.value for e in WebhookEventType} == set(EVENT_TYPES)  # one list of events


WebhookErrorCode = strawberry.enum(
    error_code_enum("WebhookErrorCode", ("INVALID_URL", "INSECURE_URL", "INVALID_EVENT")),
    description="Why a webhook mutation was refused.")


@strawberry.enum(description="Where a delivery stands.")
class WebhookDeliveryStatus(enum.Enum):
    PENDING = "pending"
    RUNNING = "running"
    DELIVERED = "delivered"
    FAILED = "failed"


@strawberry.type
class WebhookError:
    field: str | None
    code: WebhookErrorCode  # type: ignore[valid-type]
    message: str


def errors_of(exc: ValidationError | None) -> list[WebhookError]:
    return payload_errors(exc, WebhookError, WebhookErrorCode) if exc else []


@strawberry.type(name="Webhook", description="An endpoint that receives signed lifecycle "
                                             "events (operators only).")
class WebhookType:
    id: strawberry.ID
    name: str
    url: str
    events: list[WebhookEventType]
    is_active: bool
    created_at: datetime

    @classmethod
    def of(cls, webhook: Webhook) -> WebhookType:
        return cls(id=encode_id("Webhook", webhook.id), name=webhook.name, url=webhook.url,
                   events=[WebhookEventType(t) for t in webhook.events],
                   is_active=webhook.is_active, created_at=webhook.created_at)


@strawberry.type(name="WebhookDelivery", description="One event sent to one endpoint, with "
                                                     "its attempts.")
class WebhookDeliveryType:
    id: strawberry.ID
    webhook_id: strawberry.ID
    event_id: str = strawberry.field(description="The event's stable id (`Ruta-Event-Id`), "
                                                 "the same on every retry.")
    event_type: WebhookEventType
    status: WebhookDeliveryStatus
    attempts: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    created_at: datetime
    payload: strawberry.scalars.JSON = strawberry.field(description="The body as sent.")

    @classmethod
    def of(cls, delivery: WebhookDelivery) -> WebhookDeliveryType:
        pending = delivery.status == "pending"
        payload: Any = json.loads(delivery.body)
        return cls(id=encode_id("WebhookDelivery", delivery.id),
                   webhook_id=encode_id("Webhook", delivery.webhook_id),
                   event_id=event_id_text(delivery.event_id),
                   event_type=WebhookEventType(delivery.event_type),
                   status=WebhookDeliveryStatus(delivery.status), attempts=delivery.attempts,
                   last_status_code=delivery.last_status_code, last_error=delivery.last_error,
                   next_attempt_at=delivery.next_attempt_at if pending else None,
                   delivered_at=delivery.delivered_at, created_at=delivery.created_at,
                   payload=payload)


@strawberry.input
class WebhookCreateInput:
    name: str
    url: str
    events: list[WebhookEventType]
    is_active: bool = True


@strawberry.input
class WebhookUpdateInput:
    name: str | None = None
    url: str | None = None
    events: list[WebhookEventType] | None = None
    is_active: bool | None = None
    rotate_secret: bool = strawberry.field(default=False, description="Issue a new signing "
                                           "secret (returned once, in the payload).")


@strawberry.type
class WebhookPayload:
    webhook: WebhookType | None = None
    secret: str | None = strawberry.field(default=None, description="The signing secret: "
                                          "only when created or rotated, never again.")
    errors: list[WebhookError] = strawberry.field(default_factory=list)


@strawberry.type
class WebhookDeliveryRetryPayload:
    delivery: WebhookDeliveryType | None = None
    errors: list[WebhookError] = strawberry.field(default_factory=list)
