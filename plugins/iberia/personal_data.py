"""The Iberia part of a user's data export and erasure (``ruta_account_export`` /
``ruta_account_erase``).

Invoices are kept (bookkeeping law), numbered and chained as issued. Erasure replaces the
buyer block of the user's invoices with ``{"erased": true, "digest": ...}`` plus what tax
law needs (country, VAT id): the chain hashes only the digest of the buyer block, so the
chain still verifies (``ruta iberia-verify-invoices``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from engine.plugins.api import Runtime
from plugins.iberia.invoice_chain import buyer_digest
from plugins.iberia.models import Invoice

ERASED = "[erased]"


async def export(runtime: Runtime, user_id: int) -> dict[str, Any]:
    async with runtime.db.read() as session:
        invoices = list(await session.scalars(
            select(Invoice).where(Invoice.buyer_user_id == user_id).order_by(Invoice.id)))
    return {"invoices": [{"code": i.code, "kind": i.kind, "issuedAt": i.issued_at.isoformat(),
                          "totalGross": str(i.total_gross),
                          "buyer": {k: v for k, v in i.content.get("buyer", {}).items()
                                    if k != "salt"}} for i in invoices]}


async def erase(runtime: Runtime, user_id: int) -> None:
    async with runtime.transaction() as session:
        for invoice in await session.scalars(
                select(Invoice).where(Invoice.buyer_user_id == user_id).with_for_update()):
            buyer = invoice.content.get("buyer") or {}
            if buyer.get("erased"):
                continue
            country = buyer.get("country")
            invoice.content = {**invoice.content, "buyer": {
                "erased": True, "digest": buyer_digest(buyer), "name": ERASED,
                "tax_id": buyer.get("tax_id"), "country": country,
                "address": {"country": country} if country else {}}}
