"""``POST /webhooks/stripe``: verified, deduplicated, applied in one transaction.

The signature is checked on the raw body with the endpoint secret and Stripe's default
300-second tolerance (unsigned, stale or re-serialised bodies are refused with 400). The
event id is stored in the same transaction as its effects, so a duplicate delivery is a
no-op answered 200. A ``payment_intent.succeeded`` whose amount, currency or order does not
match the frozen order total changes nothing and is answered 400. Events older than the
last one applied never move a payment backwards.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import stripe
from sqlalchemy.exc import IntegrityError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from engine.payments.effects import Mismatch, apply_event
from engine.payments.models import StripeEvent
from engine.runtime import Runtime

log = logging.getLogger(__name__)


async def _apply_once(runtime: Runtime, event: Any) -> str:
    async with runtime.transaction() as session:
        if await session.get(StripeEvent, event.id) is not None:
            return "duplicate"
        session.add(StripeEvent(id=event.id, type=event.type))
        await session.flush()
        await apply_event(runtime, session, event)
    return "applied"


def endpoint(runtime: Runtime) -> Callable[[Request], Awaitable[Response]]:
    async def webhook(request: Request) -> Response:
        secret = runtime.settings.stripe_webhook_secret
        if not secret:
            return JSONResponse({"error": "Stripe webhooks are not configured."}, 503)
        payload = await request.body()
        try:
            event = stripe.Webhook.construct_event(
                payload.decode("utf-8"), request.headers.get("stripe-signature"), secret)
        except (ValueError, UnicodeDecodeError, stripe.SignatureVerificationError):
            return JSONResponse({"error": "Invalid payload or signature."}, 400)
        try:
            outcome = await _apply_once(runtime, event)
        except Mismatch as exc:
            log.warning("refused Stripe event %s: %s", event.id, exc)
            return JSONResponse({"error": str(exc)}, 400)
        except IntegrityError:  # the same event, delivered concurrently, was applied first
            outcome = "duplicate"
        return JSONResponse({"received": True, "outcome": outcome})

    return webhook

