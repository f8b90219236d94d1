"""Who a core event concerns: an order's buyer (an account, or a guest's address) and the
people who run a vendor (in the vendor's language and time zone)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from engine.notifications.locale import time_zone_of
from engine.notifications.spec import Recipient
from engine.orders.models import Order, VendorOrder
from engine.plugins.reads import OrderFacts
from engine.vendors.models import Vendor, VendorMembership


def buyer(order: OrderFacts, context: dict[str, Any]) -> Recipient:
    address = order.billing_address or order.shipping_address or {}
    country = address.get("country")
    zone = time_zone_of(country, address.get("postalCode") or address.get("postal_code"))
    if order.user_id is not None:
        return Recipient(user_id=order.user_id, language=order.language_code, country=country,
                         time_zone=zone, context=context)
    # a guest: only the address the order was placed with (never another account's inbox)
    return Recipient(email=order.email, language=order.language_code, country=country,
                     time_zone=zone, context=context)


async def vendor_staff(session: AsyncSession, vendor_id: int, context: dict[str, Any]
                       ) -> list[Recipient]:
    vendor = await session.get(Vendor, vendor_id)
    if vendor is None:
        return []
    users = await session.scalars(select(VendorMembership.user_id).where(
        VendorMembership.vendor_id == vendor_id).order_by(VendorMembership.id))
    zone = time_zone_of(vendor.country, vendor.postal_code)
    return [Recipient(user_id=user_id, language=vendor.language_code, country=vendor.country,
                      time_zone=zone, context={**context, "vendor_name": vendor.name})
            for user_id in users]


async def order_number(session: AsyncSession, vendor_order_id: int) -> str:
    """The number of the order a vendor order belongs to ("" when it is gone)."""
    number = await session.scalar(select(Order.number).join(
        VendorOrder, VendorOrder.order_id == Order.id).where(VendorOrder.id == vendor_order_id))
    return "" if number is None else str(number)
