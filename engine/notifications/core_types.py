"""The core's message types (plugins add theirs, or replace these, with the same hook)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from engine.notifications.recipients import buyer, order_number, vendor_staff
from engine.notifications.spec import MessageType, Recipient
from engine.orders import guest_link
from engine.plugins.reads import OrderFacts, VendorOrderFacts, order_facts, vendor_facts
from engine.runtime import Runtime
from engine.vendors.models import Vendor

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _part(vendor_order: VendorOrderFacts, names: dict[int, str]) -> dict[str, Any]:
    return {"vendor": names.get(vendor_order.vendor_id, ""), "total": vendor_order.total_gross,
            "shipping": vendor_order.shipping_net + vendor_order.shipping_tax,
            "lines": [{"name": line.product_name, "variant": line.variant_name,
                       "quantity": line.quantity, "total": line.total_gross,
                       "kind": line.product_kind} for line in vendor_order.lines]}


async def _order(runtime: Runtime, order_id: int) -> tuple[OrderFacts, dict[str, Any]] | None:
    async with runtime.db.read() as session:
        order = await order_facts(session, order_id)
        if order is None:
            return None
        names: dict[int, str] = {}
        for vendor_order in order.vendor_orders:
            vendor = await session.get(Vendor, vendor_order.vendor_id)
            names[vendor_order.vendor_id] = vendor.name if vendor else ""
    parts = [_part(vo, names) for vo in order.vendor_orders]
    context = {"number": order.number, "parts": parts, "order_url":
               guest_link.link(runtime.settings, order.id),
               # what the buyer paid: a platform-funded voucher's part is not theirs
               "total": sum((vo.total_gross - vo.platform_discount
                             for vo in order.vendor_orders), Decimal("0")),
               "downloads": [line.product_name for _, line in order.lines("DIGITAL")],
               "ships": any(line.product_kind == "PHYSICAL" for _, line in order.lines())}
    return order, context


async def order_confirmation(runtime: Runtime, order_id: int, **_: Any) -> Sequence[Recipient]:
    found = await _order(runtime, order_id)
    return [] if found is None else [buyer(*found)]


async def vendor_new_order(runtime: Runtime, order_id: int, **_: Any) -> Sequence[Recipient]:
    found = await _order(runtime, order_id)
    if found is None:
        return []
    order, context = found
    recipients: list[Recipient] = []
    async with runtime.db.read() as session:
        for vendor_order, part in zip(order.vendor_orders, context["parts"], strict=True):
            recipients += await vendor_staff(session, vendor_order.vendor_id, {
                "number": order.number, "part": part,
                "ships": bool(order.shipping_address)})
    return recipients


async def vendor_approved(runtime: Runtime, vendor_id: int, **_: Any) -> Sequence[Recipient]:
    async with runtime.db.read() as session:
        return await vendor_staff(session, vendor_id, {})


async def vendor_rejected(runtime: Runtime, vendor_id: int, reason: str, **_: Any
                          ) -> Sequence[Recipient]:
    async with runtime.db.read() as session:
        return await vendor_staff(session, vendor_id, {"reason": reason})


async def refund_issued(runtime: Runtime, order_id: int, vendor_order_id: int, amount: str,
                        full: bool, **_: Any) -> Sequence[Recipient]:
    async with runtime.db.read() as session:
        order = await order_facts(session, order_id)
        part = next((vo for vo in order.vendor_orders if vo.id == vendor_order_id), None) \
            if order else None
        if order is None or part is None:
            return []
        vendor = await vendor_facts(session, part.vendor_id)
        context = {"number": order.number, "amount": Decimal(amount), "full": full,
                   "vendor_name": vendor.name if vendor else ""}
        return [buyer(order, context), *await vendor_staff(session, part.vendor_id, context)]


async def payout_sent(runtime: Runtime, vendor_id: int, vendor_order_id: int, amount: str,
                      **_: Any) -> Sequence[Recipient]:
    async with runtime.db.read() as session:
        number = await order_number(session, vendor_order_id)
        return await vendor_staff(session, vendor_id, {"amount": Decimal(amount),
                                                       "number": number})


CORE_TYPES = (
    MessageType("order_confirmation", "ORDER", TEMPLATES / "order_confirmation",
                "ruta_order_paid", order_confirmation,
                "To the buyer when an order is paid: vendor parts, downloads, next steps."),
    MessageType("vendor_new_order", "VENDOR", TEMPLATES / "vendor_new_order",
                "ruta_order_paid", vendor_new_order,
                "To each vendor of a paid order: its part to fulfil."),
    MessageType("vendor_approved", "VENDOR", TEMPLATES / "vendor_approved",
                "ruta_vendor_approved", vendor_approved,
                "To a vendor's people when an operator approves the vendor."),
    MessageType("vendor_rejected", "VENDOR", TEMPLATES / "vendor_rejected",
                "ruta_vendor_rejected", vendor_rejected,
                "To a vendor's people when an operator rejects the application, with the reason."),
    MessageType("refund_issued", "ORDER", TEMPLATES / "refund_issued",
                "ruta_order_refunded", refund_issued,
                "To the buyer and the vendor when money is refunded."),
    MessageType("payout_sent", "VENDOR", TEMPLATES / "payout_sent", "ruta_payout_sent",
                payout_sent, "To a vendor's people when its share of an order is paid out."),
)
