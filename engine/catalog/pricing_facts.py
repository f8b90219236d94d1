"""Vendor facts for pricing, from ``ruta_pricing_facts``: read fresh for each request so a
tax plugin's pure decision hook never works from a stale per-process copy.

:func:`vendor_pricing_facts` is called once per priced checkout (all its vendors) and, through
:func:`pricing_facts_loader`, once per batch of vendors of a listing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pluggy
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from engine.plugins.calls import gather_hook
from engine.runtime import Runtime


async def vendor_pricing_facts(session: AsyncSession, plugins: pluggy.PluginManager,
                               vendor_ids: Iterable[int], buyer_vat_id: str | None = None
                               ) -> dict[int, dict[str, Any]]:
    """``{vendor_id: merged facts}`` for every id (an empty mapping when no plugin has any)."""
    ids = sorted(set(vendor_ids))
    merged: dict[int, dict[str, Any]] = {pk: {} for pk in ids}
    if not ids:
        return merged
    for contributed in await gather_hook(plugins.hook.ruta_pricing_facts, session=session,
                                         vendor_ids=ids, buyer_vat_id=buyer_vat_id):
        for vendor_id, facts in dict(contributed).items():
            if vendor_id in merged:
                merged[vendor_id].update(facts)
    return merged


def pricing_facts_loader(runtime: Runtime) -> DataLoader[int, dict[str, Any]]:
    async def load(keys: Sequence[int]) -> list[dict[str, Any]]:
        async with runtime.db.read() as session:
            found = await vendor_pricing_facts(session, runtime.plugins, keys)
        return [found[key] for key in keys]

    return DataLoader(load_fn=load)
