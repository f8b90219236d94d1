"""Issue 17 item 6 / issue 12: the order-confirmation e-mail, received by a real SMTP server
on loopback (aiosmtpd), attaches the buyer's invoice PDF (named by the invoice's number) and
links it; both are PDFs that parse and carry the invoice's number. The iberia plugin adds
them through the core's ``ruta_notification_extras`` hook (the core does not import the
plugin)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from engine.notifications.extras import MAX_EXTRA_ATTACHMENT_BYTES
from plugins.iberia import invoice_mail
from plugins.iberia.models import Invoice
from tests.plugins.iberia.test_invoice_pdf import INVOICES, MADRID, _order
from tests.shop import build
from tests.smtp_server import SMTPServer, html_of, smtp_server, text_of
from tests.test_notifications_mail import drain, of_type, paid_order


@pytest.fixture
def server() -> Iterator[SMTPServer]:
    with smtp_server() as running:
        yield running


async def test_the_order_confirmation_links_the_buyers_invoice_pdf(
        plugged: Any, server: SMTPServer) -> None:
    async with plugged(smtp_url=server.url) as client:
        order, _, operator = await _order(client, "ES", MADRID, "ES")
        await client.runtime.dispatcher.drain()
        [invoice] = (await client.gql(INVOICES, {"o": order}, operator))["iberiaInvoices"]
        [mail] = [m for m in server.inbox.to("b@example.com")
                  if m["X-Ruta-Message-Type"] == "order_confirmation"]
        text = text_of(mail)
        found = re.findall(r"Factura (\S+) \(PDF\): (\S+)", text)
        assert [code for code, _ in found] == [invoice["number"]]
        assert f'href="{found[0][1]}"' in html_of(mail).replace("&amp;", "&")
        response = await client.http.get(urlparse(found[0][1]).path)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        pdf = PdfReader(io.BytesIO(response.content))
        assert invoice["number"] in "".join(page.extract_text() for page in pdf.pages)
        [attached] = [p for p in mail.walk() if p.get_content_type() == "application/pdf"]
        assert attached.get_filename() == f"{invoice['number']}.pdf"
        assert attached.get_content_disposition() == "attachment"
        data = attached.get_payload(decode=True)
        assert data.startswith(b"%PDF") and len(data) < MAX_EXTRA_ATTACHMENT_BYTES
        attached_pdf = PdfReader(io.BytesIO(data))
        assert invoice["number"] in "".join(page.extract_text() for page in attached_pdf.pages)
        # the vendor's notice carries no buyer invoice link
        [notice] = [m for m in server.inbox.to("es@example.com")
                    if m["X-Ruta-Message-Type"] == "vendor_new_order"]
        assert "(PDF)" not in text_of(notice)
        assert [p for p in notice.walk() if p.get_content_type() == "application/pdf"] == []


async def test_an_order_from_two_vendors_attaches_each_vendors_invoice(
        plugged: Any, server: SMTPServer) -> None:
    # a generous hook timeout: both PDFs are rendered in time even on a loaded machine
    async with plugged(smtp_url=server.url, hook_timeout=60.0) as client:
        shop = await build(client)
        buyer = await client.register("buyer@example.com")
        order_id, _ = await paid_order(client, shop, buyer)
        await drain(client)
        async with client.runtime.db.read() as session:
            invoices = list(await session.scalars(select(Invoice).where(
                Invoice.order_id == order_id, Invoice.kind == "INVOICE")))
        assert len({invoice.vendor_id for invoice in invoices}) == 2
        [mail] = of_type(server, "order_confirmation")
        attached = {p.get_filename(): p.get_payload(decode=True) for p in mail.walk()
                    if p.get_content_type() == "application/pdf"}
        # each vendor numbers its own series: the same number is told apart by the issuer
        assert sorted(attached) == sorted(f"{i.code} {i.content['issuer']['name']}.pdf"
                                          for i in invoices)
        assert all(data.startswith(b"%PDF") for data in attached.values())
        for invoice in invoices:
            pdf = PdfReader(io.BytesIO(attached[f"{invoice.code} "
                                                f"{invoice.content['issuer']['name']}.pdf"]))
            text = "".join(page.extract_text() for page in pdf.pages)
            assert invoice.code in text and invoice.content["issuer"]["name"] in text
        linked = re.findall(r"Factura (\S+) \(PDF\): https?://\S+", text_of(mail))
        assert sorted(linked) == sorted(i.code for i in invoices)


async def test_invoices_not_rendered_in_time_are_only_linked(
        plugged: Any, server: SMTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rendering stops once its share of the hook's timeout is spent (none here): the first
    invoice is attached, the other only linked, and the confirmation goes out."""
    monkeypatch.setattr(invoice_mail, "ATTACH_SHARE", 0)
    async with plugged(smtp_url=server.url) as client:
        shop = await build(client)
        buyer = await client.register("buyer@example.com")
        await paid_order(client, shop, buyer)
        await drain(client)
        [mail] = of_type(server, "order_confirmation")
        attached = [p for p in mail.walk() if p.get_content_type() == "application/pdf"]
        assert len(attached) == 1 and attached[0].get_filename().endswith(".pdf")
        assert len(re.findall(r"Factura \S+ \(PDF\): https?://", text_of(mail))) == 2
