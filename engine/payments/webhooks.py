"""``POST /webhooks/stripe``: verified, deduplicated, applied in one transaction.

The signature is checked on the raw body with the endpoint secret and Stripe's default
300-second tolerance (unsigned, stale or re-serialised bodies are refused with 400). The
event id is stored in the same transaction as its effects, so a duplicate delivery is a
no-op answered 200. A ``payment_intent.succeeded`` whose amount, currency or order does not
match the frozen order total changes nothing and is answered 400. Events older than the
last one applied never move a payment backwards. The signature is checked before the body
is parsed; a signed but malformed event (see ``event_shape``) or a body nested too deeply
is answered 400 and logged in one line. The body size is bounded by
``RUTA_MAX_WEBHOOK_BYTES`` (``engine.http.body_limits``) before it is read.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.exc import IntegrityError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from engine.http import json_body
from engine.payments import event_shape
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
        import stripe  # on first use, as in engine.payments.stripe_api

        try:
            text = payload.decode("utf-8")
            stripe.WebhookSignature.verify_header(
                text, request.headers.get("stripe-signature"), secret,
                stripe.Webhook.DEFAULT_TOLERANCE)
            data: Any = json_body.decode(text)
        except (ValueError, UnicodeDecodeError, stripe.SignatureVerificationError):
            return JSONResponse({"error": "Invalid payload or signature."}, 400)
        problem = event_shape.problem(data)
        if problem is not None:
            log.warning("refused malformed Stripe event %.64r: %s",
                        data.get("id") if isinstance(data, dict) else None, problem)
            return JSONResponse({"error": f"Malformed event: {problem}."}, 400)
        try:
            event = stripe.Webhook.construct_event_without_verification(text)
        except RecursionError:
            log.warning("refused malformed Stripe event %.64r: nested too deeply", data["id"])
            return JSONResponse({"error": "Malformed event: nested too deeply."}, 400)
        try:
            outcome = await _apply_once(runtime, event)
        except Mismatch as exc:
            log.warning("refused Stripe event %s: %s", event.id, exc)
            return JSONResponse({"error": str(exc)}, 400)
        except IntegrityError:  # the same event, delivered concurrently, was applied first
            outcome = "duplicate"
        return JSONResponse({"received": True, "outcome": outcome})

    return webhook

