"""``ruta reconcile-payments``: apply PaymentIntents whose webhook never arrived.

Compares recent PaymentIntents with payments in the database and applies the same
effect the webhook would have (``effects.succeeded``), which changes an order only once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from engine.db.types import utcnow
from engine.payments import stripe_api
from engine.payments.effects import Mismatch, succeeded
from engine.runtime import Runtime


@dataclass(frozen=True)
class Reconciled:
    checked: int
    fixed: list[str]
    refused: list[str]


async def reconcile(runtime: Runtime, days: int = 3) -> Reconciled:
    since = int((utcnow() - timedelta(days=days)).timestamp())
    intents = await stripe_api.list_intents(runtime.settings, since)
    fixed, refused = [], []
    for intent in intents:
        if intent.status != "succeeded":
            continue
        try:
            async with runtime.transaction() as session:
                if await succeeded(runtime, session, intent, int(intent.created)):
                    fixed.append(intent.id)
        except Mismatch:
            refused.append(intent.id)
    return Reconciled(checked=len(intents), fixed=fixed, refused=refused)
