"""Issue 17 item 6 / issue 12: the order-confirmation e-mail, received by a real SMTP server
on loopback (aiosmtpd), links the buyer's invoice PDF; the link downloads a PDF that parses
and carries the invoice's number. The iberia plugin adds the link through the core's
``ruta_notification_extras`` hook (the core does not import the plugin)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader

from tests.plugins.iberia.test_invoice_pdf import INVOICES, MADRID, _order
from tests.smtp_server import SMTPServer, html_of, smtp_server, text_of


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
        # the vendor's notice carries no buyer invoice link
        [notice] = [m for m in server.inbox.to("es@example.com")
                    if m["X-Ruta-Message-Type"] == "vendor_new_order"]
        assert "(PDF)" not in text_of(notice)
