"""Per-request DataLoaders for vendors (one statement per batch)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from engine.runtime import Runtime
from engine.translations import translated
from engine.vendors.models import Vendor, VendorMembership, VendorTranslation

VendorKey = tuple[int, str | None]  # (vendor id, language)


def vendor_select(language: str | None) -> Any:
    description = translated(VendorTranslation, VendorTranslation.vendor_id, Vendor.id,
                             "description", Vendor.description, Vendor.language_code, language)
    return select(Vendor, description.label("t_description"))


class VendorRow(NamedTuple):
    """A ``vendor_select`` row built from a vendor already loaded (its own description)."""

    vendor: Vendor
    t_description: str


def prime_vendors(loader: DataLoader[VendorKey, Any], vendors: Iterable[Vendor]) -> None:
    """Answer ``vendors_by_id`` for ``(id, None)`` (no translation) from loaded vendors."""
    for vendor in vendors:
        loader.prime((vendor.id, None), VendorRow(vendor, vendor.description))


def vendors_by_id(runtime: Runtime) -> DataLoader[VendorKey, Any]:
    async def load(keys: Sequence[VendorKey]) -> list[Any]:
        found: dict[VendorKey, Any] = {}
        async with runtime.db.read() as session:
            for language in {lang for _, lang in keys}:
                ids = [pk for pk, lang in keys if lang == language]
                rows = await session.execute(vendor_select(language).where(Vendor.id.in_(ids)))
                for row in rows:
                    found[(row[0].id, language)] = row
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def vendor_id_of_user(runtime: Runtime) -> DataLoader[int, int | None]:
    async def load(user_ids: Sequence[int]) -> list[int | None]:
        async with runtime.db.read() as session:
            rows = await session.execute(
                select(VendorMembership.user_id, VendorMembership.vendor_id)
                .where(VendorMembership.user_id.in_(user_ids)))
            found = {user_id: vendor_id for user_id, vendor_id in rows}
        return [found.get(uid) for uid in user_ids]

    return DataLoader(load_fn=load)
