"""The few Stripe calls Ruta makes, each with a deterministic idempotency key.

One ``StripeClient`` per process (async, over httpx). ``RUTA_STRIPE_API_BASE`` points it at
another server (tests use a local fake). Keys are never logged or returned to clients.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from engine.errors import ValidationError
from engine.settings import Settings

if TYPE_CHECKING:
    import stripe  # imported on first use below: ~24 MB a worker that takes no card never needs


class StripeNotConfigured(ValidationError):
    def __init__(self) -> None:
        super().__init__("paymentGateway", "GATEWAY_NOT_CONFIGURED",
                         "Card payments are not configured on this platform.")


@lru_cache(maxsize=8)
def _client(secret_key: str, api_base: str | None) -> stripe.StripeClient:
    import stripe

    kwargs: dict[str, Any] = {"http_client": stripe.HTTPXClient(), "max_network_retries": 2}
    if api_base:
        kwargs["base_addresses"] = {"api": api_base}
    return stripe.StripeClient(secret_key, **kwargs)


def client(settings: Settings) -> stripe.StripeClient:
    if not settings.stripe_secret_key:
        raise StripeNotConfigured()
    return _client(settings.stripe_secret_key, settings.stripe_api_base)


def cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_exact())


def from_cents(value: int) -> Decimal:
    return (Decimal(value) / 100).quantize(Decimal("0.01"))


async def create_intent(settings: Settings, *, order_id: int, number: int, amount: Decimal
                        ) -> Any:
    return await client(settings).v1.payment_intents.create_async(
        params={"amount": cents(amount), "currency": "eur",  # type: ignore[typeddict-unknown-key]
                "payment_method_types": ["card"],
                "transfer_group": str(number),
                "metadata": {"order_id": str(order_id), "order_number": str(number)}},
        options={"idempotency_key": f"ruta-order-{order_id}-intent"})


async def retrieve_intent(settings: Settings, intent_id: str) -> Any:
    return await client(settings).v1.payment_intents.retrieve_async(intent_id)


async def list_intents(settings: Settings, since: int) -> list[Any]:
    """The most recent PaymentIntents (newest first, up to 100) created since ``since``."""
    page = await client(settings).v1.payment_intents.list_async(params={"limit": 100})
    return [intent for intent in page.data if int(intent.created) >= since]


async def refund(settings: Settings, *, refund_id: int, intent_id: str, amount: Decimal) -> Any:
    return await client(settings).v1.refunds.create_async(
        params={"payment_intent": intent_id, "amount": cents(amount)},
        options={"idempotency_key": f"ruta-refund-{refund_id}"})


async def transfer(settings: Settings, *, transfer_id: int, account: str, amount: Decimal,
                   group: str) -> Any:
    return await client(settings).v1.transfers.create_async(
        params={"amount": cents(amount), "currency": "eur", "destination": account,
                "transfer_group": group},
        options={"idempotency_key": f"ruta-transfer-{transfer_id}"})


async def reverse(settings: Settings, *, refund_id: int, transfer_id: str, amount: Decimal
                  ) -> Any:
    return await client(settings).v1.transfers.reversals.create_async(
        transfer_id, params={"amount": cents(amount)},
        options={"idempotency_key": f"ruta-reversal-{refund_id}"})


async def create_account(settings: Settings, *, vendor_id: int, country: str, email: str
                         ) -> Any:
    return await client(settings).v1.accounts.create_async(
        params={"type": "express", "country": country, "email": email,
                "capabilities": {"transfers": {"requested": True}},
                "metadata": {"vendor_id": str(vendor_id)}},
        options={"idempotency_key": f"ruta-vendor-{vendor_id}-account"})


async def account_link(settings: Settings, account: str) -> Any:
    base = settings.public_url.rstrip("/")
    return await client(settings).v1.account_links.create_async(
        params={"account": account, "type": "account_onboarding",
                "refresh_url": f"{base}/payouts/refresh", "return_url": f"{base}/payouts/done"})
