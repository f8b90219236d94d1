"""The buyer's invoice PDFs in the order-confirmation e-mail, through the core's
``ruta_notification_extras`` hook (the core never imports this plugin): each vendor
invoice is attached (``<number>.pdf``, application/pdf, see :func:`filename`) and linked
(the link stays valid 30 days, and serves the PDF when an attachment is left out for its
size or for the time rendering it would take, see ``ATTACH_SHARE``).

The invoices are issued first if this plugin's own ``ruta_order_paid`` has not run yet
(issuing is idempotent: one invoice per vendor order and issuer), so the links never
depend on which implementation of the event runs first."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select

from engine.plugins.api import (
    Attachment,
    NotificationExtras,
    NotificationLink,
    Recipient,
    Runtime,
)
from plugins.iberia.invoice_links import MAIL_LINK_TTL, link, pdf_of
from plugins.iberia.invoices import issue_invoices
from plugins.iberia.models import Invoice

log = logging.getLogger(__name__)

#: PDFs are rendered (about a second each) within this share of the hook's timeout
#: (``RUTA_HOOK_TIMEOUT``), so an order from many vendors still gets its confirmation:
#: the first invoice is always attached, those not rendered in time are only linked.
ATTACH_SHARE = 0.25

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
    codes = [row.code for row in rows]
    attachments = []
    deadline = time.monotonic() + runtime.settings.hook_timeout * ATTACH_SHARE
    for index, row in enumerate(rows):
        if index and time.monotonic() > deadline:
            log.info("order %s: invoices %s linked only (rendering their PDFs would take too "
                     "long)", order_id, ", ".join(codes[index:]))
            break
        data = await pdf_of(runtime, row.id)
        if data is not None:
            attachments.append(Attachment(filename(row, codes.count(row.code) > 1),
                                          "application/pdf", data))
    return NotificationExtras(links=[
        NotificationLink(label.format(code=row.code), link(runtime, row.id, MAIL_LINK_TTL))
        for row in rows], attachments=attachments)


def filename(row: Invoice, shared: bool) -> str:
    """The attachment's name: the invoice number (``F2026-000001.pdf``), followed by the
    issuer's name when another vendor's invoice in the same e-mail has the same number
    (each vendor numbers its own series: ``F2026-000001 Loja PT.pdf``)."""
    name = row.code
    if shared:
        name += f" {row.content.get('issuer', {}).get('name') or row.vendor_id}"
    return re.sub(r"[^\w .-]+", "-", name).strip()[:120] + ".pdf"
