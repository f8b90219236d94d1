"""The lowest price of the 30 days before a price reduction (Directive 98/6/EC art. 6a).

Art. 6a(1)-(2), inserted by Directive (EU) 2019/2161: any announcement of a price
reduction indicates the prior price, "the lowest price applied by the trader during a
period of time not shorter than 30 days prior to the application of the price
reduction". The window is therefore fixed by when the reduction (the promotion) started:
``[starts_at - 30 days, starts_at]``; it does not slide while the promotion runs. What
counts is every list price in effect at any moment of the window: the one in effect when
it opened and each one set inside it. Earlier promotions are not list prices and are not
counted (see the README).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from engine.price_history.models import PriceHistory
from engine.runtime import Runtime

WINDOW = timedelta(days=30)

#: (variant id, when the reduction started)
LowestKey = tuple[int, datetime]


def lowest_in_window(history: Sequence[tuple[datetime, Decimal]], start: datetime
                     ) -> Decimal | None:
    """``history``: (changed_at, price) oldest first."""
    opens = start - WINDOW
    before = [price for changed, price in history if changed <= opens]
    inside = [price for changed, price in history if opens < changed <= start]
    prices = ([before[-1]] if before else []) + inside
    return min(prices) if prices else None


def lowest_prices(runtime: Runtime) -> DataLoader[LowestKey, Decimal | None]:
    """One statement for every variant a response shows."""
    async def load(keys: Sequence[LowestKey]) -> list[Decimal | None]:
        history: dict[int, list[tuple[datetime, Decimal]]] = defaultdict(list)
        latest = max(start for _, start in keys)
        async with runtime.db.read() as session:
            rows = await session.execute(
                select(PriceHistory.variant_id, PriceHistory.changed_at, PriceHistory.price)
                .where(PriceHistory.variant_id.in_(sorted({v for v, _ in keys})),
                       PriceHistory.changed_at <= latest)
                .order_by(PriceHistory.variant_id, PriceHistory.changed_at, PriceHistory.id))
            for variant_id, changed_at, price in rows:
                history[variant_id].append((changed_at, price))
        return [lowest_in_window(history[variant_id], start) for variant_id, start in keys]

    return DataLoader(load_fn=load)
