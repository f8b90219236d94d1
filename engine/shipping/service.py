"""Vendor staff manage their shipping methods."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from engine.accounts.models import User
from engine.errors import Collector, NotFound, PermissionDenied
from engine.input_rules import clean_text
from engine.money import MAX_PRICE, has_cent_precision, quantize
from engine.runtime import Runtime
from engine.shipping.models import ShippingMethod
from engine.vendors.access import require_vendor_staff


@dataclass
class ShippingData:
    name: str | None = None
    countries: list[str] | None = None
    price: Decimal | None = None
    free_over: Decimal | None = None
    is_active: bool | None = None


def _money(errors: Collector, field: str, value: Decimal) -> Decimal:
    if value < 0 or value > MAX_PRICE or not has_cent_precision(value):
        errors.add(field, "INVALID", f"An amount from 0 to {MAX_PRICE} with 2 decimals.")
    return quantize(value) if value.is_finite() else value


def _clean(runtime: Runtime, data: ShippingData, creating: bool) -> dict[str, Any]:
    errors = Collector()
    out: dict[str, Any] = {}
    if creating or data.name is not None:
        out["name"] = clean_text(errors, "name", data.name, max_length=100)
    if creating or data.countries is not None:
        countries = sorted(set(data.countries or []))
        if not countries:
            errors.add("countries", "REQUIRED", "Ship to at least one country.")
        unsupported = [c for c in countries if c not in runtime.settings.supported_countries]
        if unsupported:
            errors.add("countries", "UNSUPPORTED_COUNTRY",
                       f"Not served by this platform: {', '.join(unsupported)}.")
        out["countries"] = [str(c) for c in countries]
    if creating or data.price is not None:
        if data.price is None:
            errors.add("price", "REQUIRED", "A price is required.")
        else:
            out["price"] = _money(errors, "price", data.price)
    if data.free_over is not None:
        out["free_over"] = _money(errors, "freeOver", data.free_over)
    if data.is_active is not None:
        out["is_active"] = data.is_active
    errors.raise_if_any()
    return out


async def create(runtime: Runtime, user: User | None, data: ShippingData) -> ShippingMethod:
    values = _clean(runtime, data, creating=True)
    async with runtime.transaction() as session:
        membership = await require_vendor_staff(session, user)
        method = ShippingMethod(vendor_id=membership.vendor_id, **values)
        session.add(method)
    return method


async def update(runtime: Runtime, user: User | None, method_id: int, data: ShippingData
                 ) -> ShippingMethod:
    values = _clean(runtime, data, creating=False)
    async with runtime.transaction() as session:
        membership = await require_vendor_staff(session, user)
        method = await session.get(ShippingMethod, method_id)
        if method is None:
            raise NotFound("id", "Shipping method not found.")
        if method.vendor_id != membership.vendor_id:
            raise PermissionDenied("You can only manage your own shipping methods.")
        for key, value in values.items():
            setattr(method, key, value)
    return method
