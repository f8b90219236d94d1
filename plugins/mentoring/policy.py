"""The cancellation policy as data, and what a cancellation charges or refunds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from engine.plugins.api import quantize

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class CancellationPolicy:
    #: Cancelling at least this many hours before the start is free.
    free_cancel_hours: int
    #: Share of the price kept when the attendee cancels later than that.
    fee_percent: int


@dataclass(frozen=True)
class CancellationOutcome:
    fee: Decimal
    refund: Decimal
    within_free_window: bool


def in_free_window(policy: CancellationPolicy, starts_at: datetime, now: datetime) -> bool:
    return starts_at - now >= timedelta(hours=policy.free_cancel_hours)


def attendee_cancels(policy: CancellationPolicy, price: Decimal, starts_at: datetime,
                     now: datetime) -> CancellationOutcome:
    if in_free_window(policy, starts_at, now):
        return CancellationOutcome(ZERO, quantize(price), True)
    fee = quantize(price * policy.fee_percent / 100)
    return CancellationOutcome(fee, quantize(price) - fee, False)


def expert_cancels(price: Decimal) -> CancellationOutcome:
    """The expert cancelling always refunds the attendee in full."""
    return CancellationOutcome(ZERO, quantize(price), True)
