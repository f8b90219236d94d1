"""GraphQL access to invoices: ``Vendor.invoices(first)`` for the vendor's staff and
operators, ``iberiaInvoices(orderId)`` for the buyer, the vendors' staff (their own
invoices) and operators, and ``iberiaMyInvoices(first)``: the signed-in buyer's own."""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import select

from engine.plugins.api import (
    Info,
    NotAuthenticated,
    PermissionDenied,
    VendorType,
    can_manage_vendor,
    decode_id,
    order_facts,
)
from plugins.iberia.invoice_links import link
from plugins.iberia.invoice_types import InvoiceType
from plugins.iberia.models import Invoice

MAX_FIRST = 100


async def vendor_invoices(root: VendorType, info: Info, first: int = 20
                          ) -> list[InvoiceType] | None:
    """The vendor's invoices and credit notes, newest first (its staff and operators only;
    null for others)."""
    vendor_id = root.model.id
    if not await can_manage_vendor(info, vendor_id):
        return None
    async with info.context.runtime.db.read() as session:
        rows = await session.scalars(select(Invoice).where(Invoice.vendor_id == vendor_id)
                                     .order_by(Invoice.id.desc())
                                     .limit(max(0, min(first, MAX_FIRST))))
        return [InvoiceType.of(row) for row in rows]


@strawberry.type
class InvoiceQuery:
    @strawberry.field(description="The invoices and credit notes of an order, in the buyer's "
                                  "language: the buyer and operators see all of them, a "
                                  "vendor's staff their vendor's.")
    async def iberia_invoices(self, info: Info, order_id: strawberry.ID) -> list[InvoiceType]:
        pk = decode_id(order_id, "Order", field="orderId")
        user = await info.context.user()
        if user is None:
            raise NotAuthenticated()
        async with info.context.runtime.db.read() as session:
            order = await order_facts(session, pk)
            rows = list(await session.scalars(
                select(Invoice).where(Invoice.order_id == pk).order_by(Invoice.id)))
        if order is None:
            raise PermissionDenied()
        if user.is_operator or order.buyer_user_id == user.id:
            return [InvoiceType.of(row) for row in rows]
        visible = [row for row in rows if await can_manage_vendor(info, row.vendor_id)]
        if not visible and not any([await can_manage_vendor(info, vo.vendor_id)
                                    for vo in order.vendor_orders]):
            raise PermissionDenied()
        return [InvoiceType.of(row) for row in visible]

    @strawberry.field(description="The signed-in buyer's invoices and credit notes over all "
                                  "their orders, newest first (at most 100).")
    async def iberia_my_invoices(self, info: Info, first: int = 50) -> list[InvoiceType]:
        user = await info.context.user()
        if user is None:
            raise NotAuthenticated()
        async with info.context.runtime.db.read() as session:
            rows = await session.scalars(select(Invoice).where(Invoice.buyer_user_id == user.id)
                                         .order_by(Invoice.id.desc())
                                         .limit(max(0, min(first, MAX_FIRST))))
            return [InvoiceType.of(row) for row in rows]


async def may_read(info: Info, row: Invoice) -> bool:
    """The buyer, operators and the issuing vendor's staff."""
    user = await info.context.user()
    if user is None:
        raise NotAuthenticated()
    if user.is_operator or (row.buyer_user_id is not None and row.buyer_user_id == user.id):
        return True
    return await can_manage_vendor(info, row.vendor_id)


@strawberry.type
class InvoicePdfQuery:
    @strawberry.field(description="A link to the invoice's PDF (its language, QR code, hash "
                                  "reference), valid 15 minutes; for whoever may read it.")
    async def iberia_invoice_pdf(self, info: Info, id: strawberry.ID) -> str:
        pk = decode_id(id, "IberiaInvoice", field="id")
        async with info.context.runtime.db.read() as session:
            row = await session.get(Invoice, pk)
        if row is None or not await may_read(info, row):
            raise PermissionDenied()
        return link(info.context.runtime, row.id)


def invoice_vendor_fields() -> list[Any]:
    return [strawberry.field(resolver=vendor_invoices, name="invoices",
                             description=vendor_invoices.__doc__)]
