"""The impact chart: one horizontal bar per figure, SVG geometry computed on the server.
A suppressed figure (fewer than 5 people) gets no bar and the label "<5"."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

WIDTH, ROW, LABEL, PAD = 640, 28, 230, 8


@dataclass
class Bar:
    name: str
    y: int
    width: float
    value: Decimal | None


@dataclass
class Chart:
    bars: list[Bar]
    height: int
    x0: int = LABEL
    width: int = WIDTH


def build(figures: list[dict[str, Any]], names: tuple[str, ...]) -> Chart:
    by_name = {f["name"]: f["value"] for f in figures}
    values = [Decimal(str(by_name[n])) if by_name.get(n) is not None else None for n in names]
    peak = max((v for v in values if v is not None), default=Decimal(0))
    room = WIDTH - LABEL - 60
    bars = [Bar(name=name, y=PAD + i * ROW,
                width=round(float(value / peak) * room, 2) if value and peak else 0.0,
                value=value)
            for i, (name, value) in enumerate(zip(names, values, strict=True))]
    return Chart(bars=bars, height=PAD * 2 + ROW * len(names))
