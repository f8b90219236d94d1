"""The sales chart: bars per day as SVG geometry, computed on the server (no script)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

WIDTH, HEIGHT = 720, 240
LEFT, BOTTOM, TOP = 8, 24, 12


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: str
    amount: Decimal


@dataclass
class Chart:
    bars: list[Bar]
    total: Decimal
    refunded: Decimal
    peak: Decimal
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - BOTTOM
    top: float = TOP


def build(days: list[dict[str, Any]]) -> Chart:
    amounts = [Decimal(day["sales"]["amount"]) for day in days]
    peak = max(amounts, default=Decimal(0))
    plot = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / max(len(days), 1)
    bars = []
    for index, (day, amount) in enumerate(zip(days, amounts, strict=True)):
        height = float(amount / peak) * plot if peak else 0.0
        bars.append(Bar(x=round(LEFT + index * slot + slot * 0.15, 2),
                        y=round(HEIGHT - BOTTOM - height, 2), width=round(slot * 0.7, 2),
                        height=round(height, 2), day=day["date"], amount=amount))
    refunded = sum((Decimal(day["refunded"]["amount"]) for day in days), Decimal(0))
    return Chart(bars=bars, total=sum(amounts, Decimal(0)), refunded=refunded, peak=peak)
