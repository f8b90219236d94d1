"""Vendor onboarding to Stripe Connect: one connected account per vendor (created once),
and a fresh onboarding link whenever the vendor asks."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from engine.accounts.models import User
from engine.payments import stripe_api
from engine.payments.models import VendorAccount
from engine.runtime import Runtime
from engine.vendors.access import require_vendor_staff
from engine.vendors.models import Vendor


async def onboarding_link(runtime: Runtime, user: User | None) -> str:
    async with runtime.db.read() as session:
        membership = await require_vendor_staff(session, user, owner=True)
        vendor = await session.get(Vendor, membership.vendor_id)
        account = await session.get(VendorAccount, membership.vendor_id)
    assert vendor is not None and user is not None
    await runtime.db.release()  # no connection held across the Stripe calls
    if account is None:
        created = await stripe_api.create_account(runtime.settings, vendor_id=vendor.id,
                                                  country=vendor.country, email=user.email)
        try:
            async with runtime.transaction() as session:
                session.add(VendorAccount(vendor_id=vendor.id, stripe_account_id=created.id,
                                          payouts_enabled=False))
        except IntegrityError:
            pass  # a concurrent request stored it first (same idempotency key, same account)
        async with runtime.db.read() as session:
            account = await session.scalar(select(VendorAccount).where(
                VendorAccount.vendor_id == vendor.id))
        assert account is not None
        await runtime.db.release()
    link = await stripe_api.account_link(runtime.settings, account.stripe_account_id)
    return str(link.url)
