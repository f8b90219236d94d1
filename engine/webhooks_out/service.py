"""Operators manage webhook endpoints and replay deliveries. Every function checks the
caller is an operator."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import update

from engine.accounts.models import User
from engine.db.types import utcnow
from engine.errors import NotFound, ValidationError
from engine.runtime import Runtime
from engine.vendors.access import require_operator
from engine.webhooks_out.endpoints import clean_events, clean_url
from engine.webhooks_out.models import Webhook, WebhookDelivery


@dataclass(frozen=True)
class WebhookData:
    name: str | None = None
    url: str | None = None
    events: list[str] | None = None
    is_active: bool | None = None


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


async def create(runtime: Runtime, user: User | None, data: WebhookData) -> Webhook:
    require_operator(user)
    if not (data.name or "").strip():
        raise ValidationError("name", "REQUIRED", "Name the endpoint.")
    url = clean_url(runtime.settings, data.url or "")
    events = clean_events(data.events or [])
    async with runtime.transaction() as session:
        webhook = Webhook(name=(data.name or "").strip()[:200], url=url, events=events,
                          secret=new_secret(),
                          is_active=True if data.is_active is None else data.is_active)
        session.add(webhook)
        await session.flush()
        return webhook


async def update_webhook(runtime: Runtime, user: User | None, webhook_id: int,
                         data: WebhookData, rotate_secret: bool = False) -> Webhook:
    require_operator(user)
    values: dict[str, object] = {}
    if data.name is not None:
        if not data.name.strip():
            raise ValidationError("name", "REQUIRED", "Name the endpoint.")
        values["name"] = data.name.strip()[:200]
    if data.url is not None:
        values["url"] = clean_url(runtime.settings, data.url)
    if data.events is not None:
        values["events"] = clean_events(data.events)
    if data.is_active is not None:
        values["is_active"] = data.is_active
    async with runtime.transaction() as session:
        webhook = await session.get(Webhook, webhook_id)
        if webhook is None:
            raise NotFound("id", "Webhook not found.")
        for key, value in values.items():
            setattr(webhook, key, value)
        if rotate_secret:
            webhook.secret = new_secret()
        await session.flush()
        return webhook


async def delete(runtime: Runtime, user: User | None, webhook_id: int) -> Webhook:
    """Remove the endpoint and its delivery log."""
    require_operator(user)
    async with runtime.transaction() as session:
        webhook = await session.get(Webhook, webhook_id)
        if webhook is None:
            raise NotFound("id", "Webhook not found.")
        await session.delete(webhook)
        return webhook


async def schedule_retry(runtime: Runtime, user: User | None, delivery_id: int) -> None:
    """Make a delivery due now, whatever its status (a replay of a delivered one too)."""
    require_operator(user)
    async with runtime.transaction() as session:
        done = await session.execute(
            update(WebhookDelivery).where(WebhookDelivery.id == delivery_id)
            .values(status="pending", next_attempt_at=utcnow(), claimed_until=None))
        if getattr(done, "rowcount", 0) != 1:
            raise NotFound("id", "Webhook delivery not found.")
