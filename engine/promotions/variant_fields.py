"""``ProductVariant.promotedPricing``, ``promotionName`` and ``lowestPricePrior30Days``
(added to ``ProductVariant`` by the core's own plugin; cached with the catalog)."""

from __future__ import annotations

from typing import Any

import strawberry

from engine.api.context import Info
from engine.api.enums import CountryCode
from engine.api.money_types import TaxedMoneyType
from engine.cache.versions import CATALOG
from engine.catalog.types import price_for_place
from engine.price_history.lowest import lowest_prices
from engine.promotions.variant_prices import best_promotion

CACHED = {"ruta_cache_version": CATALOG}


async def promoted_pricing(root: Any, info: Info,
                           country: CountryCode | None = None,  # type: ignore[valid-type]
                           postal_code: str | None = None) -> TaxedMoneyType | None:
    """The price after the best running vendor promotion, net/tax/gross for a buyer in
    this location (null when none runs; ``pricing`` is the price before it)."""
    best = await best_promotion(root, info)
    if best is None:
        return None
    priced = await price_for_place(info, root.model, root.product, country, postal_code,
                                   best.price)
    return TaxedMoneyType.of(priced.unit) if priced else None


async def promotion_name(root: Any, info: Info) -> str | None:
    """The vendor promotion that sets ``promotedPricing`` (null when none runs)."""
    best = await best_promotion(root, info)
    return best.promotion.name if best else None


async def lowest_price_prior_30_days(root: Any, info: Info,
                                     country: CountryCode | None = None,  # type: ignore[valid-type]
                                     postal_code: str | None = None) -> TaxedMoneyType | None:
    """The lowest price of the 30 days before the running promotion started, shown beside
    the reduced price (Directive 98/6/EC art. 6a, as amended by Directive (EU) 2019/2161);
    null when no promotion runs."""
    best = await best_promotion(root, info)
    if best is None:
        return None
    lowest = await info.context.loader("lowest_prices", lowest_prices).load(
        (root.model.id, best.promotion.starts_at))
    if lowest is None:
        return None
    priced = await price_for_place(info, root.model, root.product, country, postal_code,
                                   lowest)
    return TaxedMoneyType.of(priced.unit) if priced else None


def variant_fields() -> list[Any]:
    return [strawberry.field(resolver=f, name=name, description=f.__doc__, metadata=CACHED)
            for f, name in ((promoted_pricing, "promotedPricing"),
                            (promotion_name, "promotionName"),
                            (lowest_price_prior_30_days, "lowestPricePrior30Days"))]
