"""Vouchers: created by a vendor's staff (funded by that vendor) or by an operator (funded
by the platform), applied to a checkout by code, used once per completed order with
limits that hold under concurrency.

Rules: one voucher per checkout; it combines with vendor promotions and is taken off the
already promoted price: a vendor's voucher on that vendor's lines only, the platform's on
every line (see ``voucher_rules`` for the kinds and who pays). The total limit is a counter
row updated conditionally in ``checkoutComplete``'s transaction
(``UPDATE voucher SET used = used + 1 WHERE used < usage_limit``): of any number of buyers
racing for the last use exactly one gets it. The per-customer limit is a unique
(voucher, customer, n-th use) row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from engine.accounts.models import User
from engine.checkout.models import Checkout
from engine.db.types import utcnow
from engine.errors import Collector, ValidationError
from engine.input_rules import clean_text
from engine.money import MAX_PRICE, has_cent_precision
from engine.promotions.models import Voucher, VoucherUse
from engine.runtime import Runtime
from engine.vendors.access import require_operator, require_vendor_staff

KINDS = ("PERCENTAGE", "FIXED", "FREE_SHIPPING")
#: ``value`` stored for free shipping: all (100 %) of the shipping.
ALL_SHIPPING = Decimal("100.00")


@dataclass
class VoucherData:
    code: str
    value: Decimal | None
    starts_at: datetime
    ends_at: datetime | None = None
    usage_limit: int | None = None
    per_customer_limit: int | None = None
    kind: str = "PERCENTAGE"
    #: Funded by the platform (operators only) rather than by the creator's vendor.
    platform_funded: bool = False


def normalise(code: str) -> str:
    return code.strip().upper()


def _value(errors: Collector, kind: str, value: Decimal | None) -> Decimal:
    if kind == "FREE_SHIPPING":
        if value is not None:
            errors.add("value", "INVALID", "A free-shipping voucher takes no value.")
        return ALL_SHIPPING
    if value is None:
        errors.add("value", "REQUIRED", "A reduction is required.")
        return Decimal("0")
    if kind == "PERCENTAGE" and (value <= 0 or value >= 100 or not has_cent_precision(value)):
        errors.add("value", "INVALID", "A percentage is above 0 and below 100.")
    elif kind == "FIXED" and (value <= 0 or value > MAX_PRICE or not has_cent_precision(value)):
        errors.add("value", "INVALID", f"An amount above 0 and up to {MAX_PRICE} with 2 decimals.")
    return value


def _clean(data: VoucherData) -> tuple[str, Decimal]:
    errors = Collector()
    code = clean_text(errors, "code", data.code, max_length=32)
    if data.kind not in KINDS:
        errors.add("kind", "INVALID", "A voucher is a PERCENTAGE, a FIXED amount or "
                                      "FREE_SHIPPING.")
    value = _value(errors, data.kind, data.value)
    for field, limit in (("usageLimit", data.usage_limit),
                         ("perCustomerLimit", data.per_customer_limit)):
        if limit is not None and limit < 1:
            errors.add(field, "INVALID", "A limit is at least 1.")
    if data.ends_at is not None and data.ends_at <= data.starts_at:
        errors.add("endsAt", "INVALID", "A voucher ends after it starts.")
    errors.raise_if_any()
    return normalise(code or ""), value


async def create(runtime: Runtime, user: User | None, data: VoucherData) -> Voucher:
    code, value = _clean(data)
    async with runtime.transaction() as session:
        vendor_id: int | None = None
        if data.platform_funded:
            require_operator(user)
        else:
            vendor_id = (await require_vendor_staff(session, user)).vendor_id
        if await session.scalar(select(Voucher.id).where(Voucher.code == code)) is not None:
            raise ValidationError("code", "DUPLICATED", "This code is taken.")
        voucher = Voucher(code=code, vendor_id=vendor_id, kind=data.kind, value=value,
                          starts_at=data.starts_at, ends_at=data.ends_at,
                          usage_limit=data.usage_limit, used=0,
                          per_customer_limit=data.per_customer_limit, is_active=True)
        session.add(voucher)
    return voucher


def usable(voucher: Voucher | None, now: datetime) -> bool:
    return voucher is not None and voucher.is_active and voucher.starts_at <= now and (
        voucher.ends_at is None or now < voucher.ends_at) and (
        voucher.usage_limit is None or voucher.used < voucher.usage_limit)


async def find(session: AsyncSession, code: str | None) -> Voucher | None:
    if not code:
        return None
    found: Voucher | None = await session.scalar(
        select(Voucher).where(Voucher.code == normalise(code)))
    return found


def refuse() -> ValidationError:
    return ValidationError("code", "VOUCHER_INVALID", "This voucher code is not valid now.")


async def apply(session: AsyncSession, checkout: Checkout, code: str) -> None:
    if not usable(await find(session, code), utcnow()):
        raise refuse()
    checkout.voucher_code = normalise(code)


async def consume(session: AsyncSession, voucher: Voucher, customer: str, order_id: int
                  ) -> None:
    """Take one use for this order, or refuse (the caller's transaction rolls back).
    ``customer``: ``user:<id>`` for a signed-in buyer, else the checkout's e-mail."""
    taken = await session.execute(update(Voucher).where(
        Voucher.id == voucher.id,
        (Voucher.usage_limit.is_(None)) | (Voucher.used < Voucher.usage_limit))
        .values(used=Voucher.used + 1).execution_options(synchronize_session=False))
    if getattr(taken, "rowcount", 0) != 1:
        raise ValidationError("voucherCode", "VOUCHER_USED_UP",
                              "This voucher has no uses left.")
    customer = customer.strip().lower()
    before = await session.scalar(select(func.count(VoucherUse.id)).where(
        VoucherUse.voucher_id == voucher.id, VoucherUse.customer == customer)) or 0
    if voucher.per_customer_limit is not None and before >= voucher.per_customer_limit:
        raise ValidationError("voucherCode", "VOUCHER_USED_UP",
                              "You have used this voucher as often as allowed.")
    try:
        async with session.begin_nested():
            session.add(VoucherUse(voucher_id=voucher.id, customer=customer, seq=before + 1,
                                   order_id=order_id))
    except IntegrityError as exc:  # a concurrent order of this customer took that use
        raise ValidationError("voucherCode", "VOUCHER_USED_UP",
                              "You have used this voucher as often as allowed.") from exc
