"""``accountDelete`` (GDPR erasure) and ``accountDataExport`` (GDPR art. 20).

Erasure keeps what the law requires (orders, their lines and amounts, invoices) and replaces
the person in them: the account's e-mail becomes ``erased-<id>@erased.invalid``, names are
emptied, addresses keep only their country, the address book, checkouts and tokens are
deleted, and outbox payloads mentioning the e-mail are scrubbed. Every session ends (the
account is disabled and its token version bumped). Then each plugin erases its part
(``ruta_account_erase``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Text, cast, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import (
    OneTimeToken,
    RecoveryCode,
    RefreshToken,
    TotpDevice,
    User,
)
from engine.accounts.verification import check_password
from engine.addresses.models import AccountAddress
from engine.audit.models import AuditEntry
from engine.bookings.models import Booking
from engine.checkout.models import Checkout
from engine.db.types import utcnow
from engine.errors import ValidationError
from engine.events.models import OutboxEvent
from engine.orders.models import Order, OrderLine
from engine.plugins.calls import call_each
from engine.runtime import Runtime
from engine.vendors.models import VendorMembership

ERASED = "[erased]"


def erased_email(user_id: int) -> str:
    return f"erased-{user_id}@erased.invalid"


def _address_stub(address: dict[str, Any] | None) -> dict[str, Any] | None:
    """Only the country stays: it decided the tax of the order."""
    return None if address is None else {"country": address.get("country")}


def _scrub(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        return ERASED if any(s and s.lower() in value.lower() for s in secrets) else value
    if isinstance(value, dict):
        return {k: _scrub(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, secrets) for v in value]
    return value


async def _erase_core(session: AsyncSession, user: User, now: datetime) -> None:
    email = user.email
    orders = list(await session.scalars(select(Order).where(
        or_(Order.user_id == user.id, Order.email == email))))
    secrets = [email, user.name]
    for order in orders:
        for address in (order.shipping_address, order.billing_address):
            secrets += [str(v) for v in (address or {}).values() if v and len(str(v)) > 3]
        order.email = erased_email(user.id)
        order.shipping_address = _address_stub(order.shipping_address)
        order.billing_address = _address_stub(order.billing_address)
    await session.execute(delete(Checkout).where(
        or_(Checkout.user_id == user.id, Checkout.email == email)))
    for model in (RefreshToken, OneTimeToken, VendorMembership, TotpDevice, RecoveryCode,
                  AccountAddress):
        await session.execute(delete(model).where(model.user_id == user.id))
    await session.execute(update(AuditEntry).where(AuditEntry.actor_id == user.id)
                          .values(address=None))
    secrets = [s for s in dict.fromkeys(secrets) if s and s != "ES" and s != "PT"]
    for event in await session.scalars(select(OutboxEvent).where(
            or_(*(cast(OutboxEvent.payload, Text).contains(s) for s in secrets)))):
        event.payload = _scrub(event.payload, secrets)
    await session.execute(update(User).where(User.id == user.id).values(
        email=erased_email(user.id), name="", password_hash="!", is_active=False,
        time_zone=None, country=None, email_verified_at=None, erased_at=now,
        token_version=User.token_version + 1))


async def delete_account(runtime: Runtime, user: User, password: str, *,
                         address: str | None = None, now: datetime | None = None) -> None:
    now = now or utcnow()
    if not await check_password(runtime, user, user.email, password, address=address, now=now):
        raise ValidationError("password", "INVALID_CREDENTIALS", "The password is wrong.")
    async with runtime.transaction() as session:
        stored = await session.get(User, user.id)
        assert stored is not None
        await _erase_core(session, stored, now)
    await call_each(runtime.plugins.hook.ruta_account_erase, runtime=runtime, user_id=user.id)


def _order(order: Order, lines: list[OrderLine]) -> dict[str, Any]:
    return {
        "number": order.number, "status": order.status, "email": order.email,
        "createdAt": order.created_at.isoformat(), "currency": order.currency,
        "totalGross": str(order.total_gross), "shippingAddress": order.shipping_address,
        "billingAddress": order.billing_address, "vatId": order.vat_id,
        "lines": [{"product": line.product_name, "variant": line.variant_name, "sku": line.sku,
                   "quantity": line.quantity, "unitGross": str(line.unit_gross),
                   "totalGross": str(line.total_gross)} for line in lines],
    }


async def export_account(runtime: Runtime, user: User) -> dict[str, Any]:
    async with runtime.db.read() as session:
        stored = await session.get(User, user.id)
        assert stored is not None
        orders = list(await session.scalars(
            select(Order).where(Order.user_id == user.id).order_by(Order.id)))
        lines = list(await session.scalars(select(OrderLine).where(
            OrderLine.order_id.in_([o.id for o in orders])).order_by(OrderLine.id)))
        bookings = list(await session.scalars(
            select(Booking).where(Booking.user_id == user.id).order_by(Booking.id)))
        addresses = list(await session.scalars(select(AccountAddress.address).where(
            AccountAddress.user_id == user.id).order_by(AccountAddress.id)))
    data: dict[str, Any] = {
        "account": {"email": stored.email, "name": stored.name,
                    "languageCode": stored.language_code, "country": stored.country,
                    "timeZone": stored.time_zone, "createdAt": stored.created_at.isoformat(),
                    "emailVerified": stored.email_verified_at is not None},
        "orders": [_order(o, [line for line in lines if line.order_id == o.id])
                   for o in orders],
        "bookings": [{"status": b.status, "startsAt": b.starts_at and b.starts_at.isoformat(),
                      "endsAt": b.ends_at and b.ends_at.isoformat()} for b in bookings],
        "addresses": addresses,
    }
    parts = await call_each(runtime.plugins.hook.ruta_account_export, runtime=runtime,
                            user_id=user.id)
    data.update({name: part for name, part in parts.items() if part is not None})
    return data
