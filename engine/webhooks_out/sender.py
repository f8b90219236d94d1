"""Queue and send webhook deliveries.

``fan_out`` runs inside a lifecycle hook (after commit, from the outbox): it queues one
delivery per active endpoint subscribed to the event, at most once per endpoint and event.
``send_due`` claims due deliveries with a conditional update, closes that transaction,
posts each one (signed, with a timeout, redirects not followed) and records the outcome in
a new transaction: no transaction is open during an HTTP call. A failure is retried with
exponential backoff until ``RUTA_WEBHOOK_MAX_ATTEMPTS``, then the delivery is ``failed``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select, update

from engine.db.types import utcnow
from engine.runtime import Runtime
from engine.webhooks_out import events, signing
from engine.webhooks_out.models import Webhook, WebhookDelivery

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 3600
BATCH = 50
USER_AGENT = "Ruta-Webhooks/1"


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(10 * 2 ** (attempts - 1), MAX_BACKOFF_SECONDS))


async def fan_out(runtime: Runtime, hook: str, event_id: int, occurred_at: datetime,
                  args: dict[str, Any]) -> None:
    event_type, _ = events.EVENTS[hook]
    async with runtime.db.write() as session:
        endpoints = (await session.scalars(select(Webhook).where(Webhook.is_active))).all()
        subscribed = [w.id for w in endpoints if event_type in w.events]
        if not subscribed:
            return
        queued = set((await session.scalars(select(WebhookDelivery.webhook_id).where(
            WebhookDelivery.event_id == event_id))).all())
        body = events.body(hook, event_id, occurred_at, args)
        for webhook_id in subscribed:
            if webhook_id not in queued:  # a redelivered event queues nothing twice
                session.add(WebhookDelivery(webhook_id=webhook_id, event_id=event_id,
                                            event_type=event_type, body=body))
    await send_due(runtime, event_id=event_id)


def _due(now: datetime) -> Any:
    return or_((WebhookDelivery.status == "pending") & (WebhookDelivery.next_attempt_at <= now),
               (WebhookDelivery.status == "running") & (WebhookDelivery.claimed_until < now))


async def send_due(runtime: Runtime, *, event_id: int | None = None,
                   delivery_id: int | None = None,
                   clock: Callable[[], datetime] = utcnow) -> int:
    """Send every due delivery (of one event or one delivery, if given); returns how many
    were attempted."""
    now = clock()
    query = (select(WebhookDelivery.id, WebhookDelivery.body, WebhookDelivery.attempts,
                    WebhookDelivery.event_id, WebhookDelivery.event_type, Webhook.url,
                    Webhook.secret)
             .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
             .where(_due(now)).order_by(WebhookDelivery.id).limit(BATCH))
    if event_id is not None:
        query = query.where(WebhookDelivery.event_id == event_id)
    if delivery_id is not None:
        query = query.where(WebhookDelivery.id == delivery_id)
    async with runtime.db.read() as session:
        rows = (await session.execute(query)).all()
    if not rows:  # the usual tick: no client (its TLS context costs CPU and memory)
        return 0
    import httpx  # on first use: with click and pygments ~3.5 MB a worker (bench/README.md)

    sent = 0
    timeout = runtime.settings.webhook_timeout
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False) as http:
        for row in rows:
            if not await _claim(runtime, row.id, now, timeout):
                continue
            outcome = await _post(http, row.url, row.secret, row.body, row.event_id,
                                  row.event_type)
            await _record(runtime, row.id, row.attempts + 1, *outcome, clock())
            sent += 1
    return sent


async def _claim(runtime: Runtime, delivery_id: int, now: datetime, lease: float) -> bool:
    async with runtime.db.write() as session:
        result = await session.execute(
            update(WebhookDelivery).where(WebhookDelivery.id == delivery_id, _due(now))
            .values(status="running", claimed_until=now + timedelta(seconds=lease + 30)))
        return bool(getattr(result, "rowcount", 0) == 1)


async def _post(http: httpx.AsyncClient, url: str, secret: str, body: str, event_id: int,
                event_type: str) -> tuple[int | None, str | None]:
    raw = body.encode()
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
               "Ruta-Event-Id": events.event_id_text(event_id), "Ruta-Event-Type": event_type,
               signing.HEADER: signing.signature_header(secret, raw)}
    import httpx

    try:
        response = await http.post(url, content=raw, headers=headers)
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:2000]
    if 200 <= response.status_code < 300:
        return response.status_code, None
    return response.status_code, f"HTTP {response.status_code}: {response.text[:500]}"


async def _record(runtime: Runtime, delivery_id: int, attempts: int, status_code: int | None,
                  error: str | None, now: datetime) -> None:
    values: dict[str, Any] = {"attempts": attempts, "last_status_code": status_code,
                              "last_error": error, "claimed_until": None}
    if error is None:
        values.update(status="delivered", delivered_at=now)
    else:
        log.warning("webhook delivery %d failed (attempt %d): %s", delivery_id, attempts, error)
        failed = attempts >= runtime.settings.webhook_max_attempts
        values.update(status="failed" if failed else "pending",
                      next_attempt_at=now + backoff(attempts))
    async with runtime.db.write() as session:
        await session.execute(update(WebhookDelivery).where(WebhookDelivery.id == delivery_id)
                              .values(**values))
