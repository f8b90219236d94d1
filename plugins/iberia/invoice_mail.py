"""The buyer's invoice PDFs linked from the order-confirmation e-mail, through the core's
``ruta_notification_extras`` hook (the core never imports this plugin).

The invoices are issued first if this plugin's own ``ruta_order_paid`` has not run yet
(issuing is idempotent: one invoice per vendor order and issuer), so the links never
depend on which implementation of the event runs first."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select

from engine.plugins.api import NotificationExtras, NotificationLink, Recipient, Runtime
from plugins.iberia.invoice_links import MAIL_LINK_TTL, link
from plugins.iberia.invoices import issue_invoices
from plugins.iberia.models import Invoice

LABELS = {"ES": "Factura {code} (PDF)", "PT": "Fatura {code} (PDF)",
          "EN": "Invoice {code} (PDF)", "FR": "Facture {code} (PDF)",
          "RO": "Factura {code} (PDF)", "UK": "Рахунок-фактура {code} (PDF)",
          "AR": "الفاتورة {code} (PDF)"}


async def invoice_links(runtime: Runtime, message_type: str, event: Mapping[str, Any],
                        recipient: Recipient) -> NotificationExtras | None:
    if message_type != "order_confirmation" or "order_id" not in event:
        return None
    order_id = int(event["order_id"])
    occurred_at = event.get("occurred_at")
    if isinstance(occurred_at, datetime):
        await issue_invoices(runtime, order_id, occurred_at)
    async with runtime.db.read() as session:
        rows = list(await session.scalars(select(Invoice).where(
            Invoice.order_id == order_id, Invoice.kind == "INVOICE").order_by(Invoice.id)))
    if not rows:
        return None
    label = LABELS.get((recipient.language or "EN").upper(), LABELS["EN"])
    return NotificationExtras(links=[
        NotificationLink(label.format(code=row.code), link(runtime, row.id, MAIL_LINK_TTL))
        for row in rows])
