"""Checkout operations: create, change lines, addresses, VAT id, shipping, e-mail.

Every operation re-reads the catalog: prices and availability are never taken from the
client. A signed-in customer's checkout is theirs alone; an anonymous one is reachable only
through its unguessable token.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.catalog.kinds import product_kinds
from engine.catalog.models import Product, ProductVariant
from engine.checkout.addresses import AddressData, clean_address
from engine.checkout.models import Checkout, CheckoutLine
from engine.errors import Collector, NotFound, ValidationError
from engine.input_rules import clean_email, clean_text
from engine.orders.models import Order
from engine.runtime import Runtime
from engine.shipping.models import ShippingMethod
from engine.vendors.models import Vendor

MAX_QUANTITY = 10_000
MAX_LINES = 100


@dataclass
class LineInput:
    variant_id: int
    quantity: int


@dataclass
class CheckoutData:
    email: str | None = None
    lines: list[LineInput] = field(default_factory=list)
    shipping_address: AddressData | None = None
    billing_address: AddressData | None = None
    vat_id: str | None = None
    language_code: str | None = None


def _check_access(checkout: Checkout | None, user: User | None, *, acting: bool) -> Checkout:
    if checkout is None:
        raise NotFound("id", "Checkout not found.")
    if checkout.user_id is not None:
        operator_reads = user is not None and user.is_operator and not acting
        if (user is None or user.id != checkout.user_id) and not operator_reads:
            raise NotFound("id", "Checkout not found.")
    return checkout


async def get_checkout(session: AsyncSession, user: User | None, token: str, *,
                       lock: bool = False, for_update: bool = False,
                       acting: bool = False) -> Checkout:
    """The checkout the caller may use: anyone with the token for an anonymous checkout,
    only its owner (or an operator, read-only) for a signed-in customer's checkout.

    ``acting`` (implied by ``for_update``) is every write or action on the checkout,
    completing it included: operators never act on a customer's checkout."""
    query = select(Checkout).where(Checkout.token == token)
    if lock:
        query = query.with_for_update()
    checkout = _check_access(await session.scalar(query), user, acting=for_update or acting)
    if for_update and await session.scalar(
            select(Order.id).where(Order.checkout_id == checkout.id)) is not None:
        raise ValidationError("id", "CHECKOUT_COMPLETED", "This checkout is already an order.")
    return checkout


async def checkout_and_order(session: AsyncSession, user: User | None, token: str
                             ) -> tuple[Checkout, Order | None]:
    """For completing: the checkout, locked, with the order it already became (if any),
    in one statement."""
    query = (select(Checkout, Order).outerjoin(Order, Order.checkout_id == Checkout.id)
             .where(Checkout.token == token).with_for_update(of=Checkout))
    row = (await session.execute(query)).first()
    checkout = _check_access(row[0] if row else None, user, acting=True)
    return checkout, row[1] if row else None


def _check_quantity(errors: Collector, field: str, quantity: int, *, allow_zero: bool) -> None:
    if quantity < 0 or (quantity == 0 and not allow_zero):
        errors.add(field, "INVALID_QUANTITY", "The quantity must be at least 1.")
    elif quantity > MAX_QUANTITY:
        errors.add(field, "INVALID_QUANTITY", f"At most {MAX_QUANTITY} per line.")


async def _check_lines(runtime: Runtime, session: AsyncSession, lines: list[LineInput],
                       prefix: str, existing: dict[int, int], *, allow_zero: bool = False
                       ) -> None:
    """Refuse unknown or unpublished variants, bad quantities and more than is in stock."""
    errors = Collector()
    for index, line in enumerate(lines):
        _check_quantity(errors, f"{prefix}.{index}.quantity", line.quantity,
                        allow_zero=allow_zero)
    errors.raise_if_any()
    kinds = product_kinds(runtime.plugins)

    def shippable(kind: str) -> bool:
        return bool(kinds.get(kind) and kinds[kind].shippable)

    ids = sorted({line.variant_id for line in lines})
    rows = {variant.id: (variant, product, vendor) for variant, product, vendor in (
        await session.execute(
            select(ProductVariant, Product, Vendor)
            .join(Product, Product.id == ProductVariant.product_id)
            .join(Vendor, Vendor.id == Product.vendor_id)
            .where(ProductVariant.id.in_(ids)))).all()} if ids else {}
    for index, line in enumerate(lines):
        found = rows.get(line.variant_id)
        if found is None or not found[1].is_published or found[2].status != "APPROVED":
            errors.add(f"{prefix}.{index}.variantId", "PRODUCT_UNAVAILABLE",
                       "This product is not for sale.")
            continue
        variant = found[0]
        wanted = existing.get(line.variant_id, 0) + line.quantity
        if variant.is_bookable:
            left = (variant.capacity or 0) - variant.seats_taken
            if wanted > left:
                errors.add(f"{prefix}.{index}.quantity", "INSUFFICIENT_STOCK",
                           f"Only {max(left, 0)} places left.")
        elif shippable(found[1].kind) and wanted > variant.stock:
            errors.add(f"{prefix}.{index}.quantity", "INSUFFICIENT_STOCK",
                       f"Only {variant.stock} left in stock.")
    if len(existing) + len(ids) > MAX_LINES:
        errors.add(prefix, "INVALID", f"At most {MAX_LINES} lines per checkout.")
    errors.raise_if_any()


async def _existing(session: AsyncSession, checkout_id: int) -> dict[int, CheckoutLine]:
    rows = await session.scalars(
        select(CheckoutLine).where(CheckoutLine.checkout_id == checkout_id))
    return {row.variant_id: row for row in rows}


def _merge(lines: list[LineInput]) -> list[LineInput]:
    merged: dict[int, int] = {}
    for line in lines:
        merged[line.variant_id] = merged.get(line.variant_id, 0) + line.quantity
    return [LineInput(v, q) for v, q in merged.items()]


async def create(runtime: Runtime, user: User | None, data: CheckoutData) -> Checkout:
    errors = Collector()
    email = clean_email(errors, "email", data.email) if data.email else (
        user.email if user else None)
    supported = runtime.settings.supported_countries
    shipping = clean_address(errors, "shippingAddress", data.shipping_address, supported) \
        if data.shipping_address else None
    billing = clean_address(errors, "billingAddress", data.billing_address, supported) \
        if data.billing_address else None
    vat_id = clean_text(errors, "vatId", data.vat_id, max_length=32, required=False) \
        if data.vat_id is not None else None
    errors.raise_if_any()
    normalised = (vat_id or None) and vat_id.replace(" ", "").upper()
    # The same validation as ``checkoutVatIdUpdate``: a number set here is checked too.
    plugin_data = await _validated_vat_id(runtime, normalised, billing or shipping, {}) \
        if normalised else {}
    async with runtime.transaction() as session:
        await _check_lines(runtime, session, data.lines, "lines", {})
        checkout = Checkout(user_id=user.id if user else None, email=email,
                            shipping_address=shipping, billing_address=billing,
                            vat_id=normalised, voucher_code=None,
                            language_code=data.language_code or (
                                user.language_code if user else "EN"),
                            shipping_methods={}, plugin_data=plugin_data)
        session.add(checkout)
        await session.flush()
        merged = _merge(data.lines)
        if merged:  # one multi-row INSERT, whatever the number of lines
            await session.execute(insert(CheckoutLine).values([
                {"checkout_id": checkout.id, "variant_id": line.variant_id,
                 "quantity": line.quantity} for line in merged]))
    return checkout


async def add_lines(runtime: Runtime, user: User | None, token: str, lines: list[LineInput]
                    ) -> Checkout:
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        existing = await _existing(session, checkout.id)
        lines = _merge(lines)
        await _check_lines(runtime, session, lines, "lines",
                           {v: row.quantity for v, row in existing.items()})
        for line in lines:
            if line.variant_id in existing:
                existing[line.variant_id].quantity += line.quantity
            else:
                session.add(CheckoutLine(checkout_id=checkout.id, variant_id=line.variant_id,
                                         quantity=line.quantity))
    return checkout


async def update_lines(runtime: Runtime, user: User | None, token: str, lines: list[LineInput]
                       ) -> Checkout:
    """Set quantities (0 removes the line)."""
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        existing = await _existing(session, checkout.id)
        errors = Collector()
        for index, line in enumerate(lines):
            if line.variant_id not in existing:
                errors.add(f"lines.{index}.variantId", "NOT_FOUND", "Not in this checkout.")
        errors.raise_if_any()
        await _check_lines(runtime, session, [ln for ln in lines if ln.quantity != 0], "lines", {},
                           allow_zero=True)
        for line in lines:
            if line.quantity == 0:
                await session.delete(existing[line.variant_id])
            else:
                existing[line.variant_id].quantity = line.quantity
    return checkout


async def delete_lines(runtime: Runtime, user: User | None, token: str, line_ids: list[int]
                       ) -> Checkout:
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        existing = {row.id for row in (await _existing(session, checkout.id)).values()}
        unknown = [i for i, line_id in enumerate(line_ids) if line_id not in existing]
        if unknown:
            raise ValidationError(f"lineIds.{unknown[0]}", "NOT_FOUND", "Not in this checkout.")
        await session.execute(delete(CheckoutLine).where(CheckoutLine.id.in_(line_ids)))
    return checkout


async def update_addresses(runtime: Runtime, user: User | None, token: str,
                           shipping: AddressData | None, billing: AddressData | None
                           ) -> Checkout:
    errors = Collector()
    supported = runtime.settings.supported_countries
    cleaned_shipping = clean_address(errors, "shippingAddress", shipping, supported) \
        if shipping else None
    cleaned_billing = clean_address(errors, "billingAddress", billing, supported) \
        if billing else None
    if shipping is None and billing is None:
        errors.add("shippingAddress", "REQUIRED", "Give a shipping or a billing address.")
    errors.raise_if_any()
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        if cleaned_shipping is not None:
            checkout.shipping_address = cleaned_shipping
        if cleaned_billing is not None:
            checkout.billing_address = cleaned_billing
    return checkout


async def update_vat_id(runtime: Runtime, user: User | None, token: str, vat_id: str
                        ) -> Checkout:
    """Set (or, with an empty string, remove) the buyer's VAT number. Tax plugins validate it
    (``ruta_vat_id_validate``, in a worker thread: it may ask VIES) and record what they
    found in the checkout's ``plugin_data`` for ``ruta_tax_decision``."""
    errors = Collector()
    cleaned = clean_text(errors, "vatId", vat_id, max_length=32, required=False)
    errors.raise_if_any()
    normalised = cleaned.replace(" ", "").upper() if cleaned else None
    async with runtime.db.read() as session:
        country = _buyer_country(await get_checkout(session, user, token, for_update=True))
    found = await _vat_id_findings(runtime, normalised, country)
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        checkout.vat_id = normalised
        data = dict(checkout.plugin_data or {})
        for contributed in found:
            data.update(contributed or {})
        checkout.plugin_data = data
    return checkout


async def _vat_id_findings(runtime: Runtime, vat_id: str | None, country: str | None
                           ) -> list[dict[str, Any] | None]:
    """``ruta_vat_id_validate`` in a worker thread (it may ask VIES); raises to refuse.
    No connection is held while VIES answers."""
    await runtime.db.release()
    found: list[dict[str, Any] | None] = await asyncio.to_thread(
        runtime.plugins.hook.ruta_vat_id_validate, vat_id=vat_id, country=country)
    return found


async def _validated_vat_id(runtime: Runtime, vat_id: str, address: dict[str, Any] | None,
                            plugin_data: dict[str, Any]) -> dict[str, Any]:
    country = (address or {}).get("country")
    data = dict(plugin_data)
    for contributed in await _vat_id_findings(runtime, vat_id, str(country) if country
                                              else None):
        data.update(contributed or {})
    return data


def _buyer_country(checkout: Checkout) -> str | None:
    address = checkout.billing_address or checkout.shipping_address or {}
    country = address.get("country")
    return str(country) if country else None


async def update_email(runtime: Runtime, user: User | None, token: str, email: str) -> Checkout:
    errors = Collector()
    cleaned = clean_email(errors, "email", email)
    errors.raise_if_any()
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        checkout.email = cleaned
    return checkout


async def choose_shipping(runtime: Runtime, user: User | None, token: str, vendor_id: int,
                          method_id: int) -> Checkout:
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        method = await session.get(ShippingMethod, method_id)
        if method is None or method.vendor_id != vendor_id or not method.is_active:
            raise NotFound("shippingMethodId", "This vendor has no such shipping method.")
        country = (checkout.shipping_address or {}).get("country")
        if country is not None and country not in method.countries:
            raise ValidationError("shippingMethodId", "SHIPPING_NOT_AVAILABLE",
                                  f"This method does not ship to {country}.")
        checkout.shipping_methods = {**(checkout.shipping_methods or {}),
                                     str(vendor_id): method.id}
    return checkout


async def set_plugin_data(runtime: Runtime, user: User | None, token: str, key: str,
                          value: Any) -> Checkout:
    """A plugin stores its own data on a checkout (under its own ``key``); totals are
    recomputed from it by the pricing hooks on the next read."""
    async with runtime.transaction() as session:
        checkout = await get_checkout(session, user, token, lock=True, for_update=True)
        data = dict(checkout.plugin_data or {})
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
        checkout.plugin_data = data
    return checkout
