"""Invoice PDFs (issue 17, item 6): one per invoice and credit note through a signed link,
in the invoice's language with Babel amounts and dates, the mentions and the hash-chain
reference; the QR code, decoded from the rendered page, is the AT's field string
(Portaria 195/2020) for a Portuguese issuer and the AEAT's verification URL for a Spanish
one; no "VERI*FACTU" legend."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

import pypdfium2
import zxingcpp
from pypdf import PdfReader

from plugins.iberia import vies
from tests.client import Client
from tests.plugins.iberia.test_invoices import refund
from tests.shop import ADDRESS, COMPLETE, CREATE, SHIPPING, method

PAID = "mutation($id: ID!) { orderMarkPaid(id: $id) { order { status } errors { code } } }"
INVOICES = "query($o: ID!) { iberiaInvoices(orderId: $o) { id number hash totalGross } }"
PDF = "query($id: ID!) { iberiaInvoicePdf(id: $id) }"
PROFILE = """mutation($v: ID!, $i: VendorTaxProfileInput!) {
  iberiaVendorTaxProfileUpdate(vendorId: $v, input: $i) { errors { field code } } }"""
MADRID = {**ADDRESS, "city": "Madrid", "postalCode": "28001", "country": "ES"}
YEAR = datetime.now(UTC).year
TODAY = datetime.now(UTC).strftime("%Y%m%d")


async def _order(client: Client, country: str, address: dict[str, Any], language: str,
                 vat_id: str | None = None) -> tuple[str, str, str]:
    """A paid order of one 24.60 tile from a vendor in ``country``; (order, vendor, op)."""
    operator = await client.operator(f"op-{country.lower()}@example.com")
    token, vendor = await client.vendor(f"{country.lower()}@example.com", f"Loja {country}",
                                        operator_token=operator, country=country,
                                        postal_code="8000-138" if country == "PT" else "21700")
    if country == "PT":
        codes = [{"series": f"F{YEAR}", "code": "AAJFJ2K6"},
                 {"series": f"R{YEAR}", "code": "AAJFJ3K7"}]
        set_codes = await client.gql(PROFILE, {"v": vendor, "i": {"atValidationCodes": codes}},
                                     token)
        assert set_codes["iberiaVendorTaxProfileUpdate"]["errors"] == []
    ship = await method(client, token, name="Post", countries=["ES", "PT"], price="3.00")
    _, tile = await client.product(token, "Azulejo", price="24.60")
    data = await client.gql(CREATE, {"i": {
        "email": "b@example.com", "shippingAddress": address, "languageCode": language,
        "lines": [{"variantId": tile, "quantity": 1}], **({"vatId": vat_id} if vat_id else {})}})
    assert data["checkoutCreate"]["errors"] == [], data
    checkout = data["checkoutCreate"]["checkout"]
    await client.gql(SHIPPING, {"id": checkout["id"], "v": vendor, "m": ship})
    order = (await client.gql(COMPLETE, {"id": checkout["id"]}))["checkoutComplete"]["order"]
    assert (await client.gql(PAID, {"id": order["id"]}, operator))["orderMarkPaid"][
        "errors"] == []
    await client.runtime.dispatcher.drain()
    return order["id"], order["vendorOrders"][0]["id"], operator


async def _pdf(client: Client, invoice_id: str, token: str) -> bytes:
    url = (await client.gql(PDF, {"id": invoice_id}, token))["iberiaInvoicePdf"]
    response = await client.http.get(urlparse(url).path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    return response.content


def _text(body: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    return text.replace("\xa0", " ").replace("\u202f", " ")  # Babel's no-break spaces


def _qr(body: bytes) -> str:
    page = pypdfium2.PdfDocument(body)[0]
    image = page.render(scale=3).to_pil()
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1
    return str(found[0].text)


async def test_a_portuguese_invoice_pdf_carries_the_ats_qr_fields_and_atcud(
        client: Client) -> None:
    vies.use(vies.FakeVies({"ESB21000005": vies.VALID}))
    try:
        order, _, operator = await _order(client, "PT", MADRID, "ES", vat_id="ESB21000005")
    finally:
        vies.use(None)
    invoice = (await client.gql(INVOICES, {"o": order}, operator))["iberiaInvoices"][0]
    body = await _pdf(client, invoice["id"], operator)
    text = _text(body)
    assert invoice["number"] in text and "ATCUD: AAJFJ2K6-1" in text
    assert "27,60 €" in text  # 24.60 + 3.00 shipping, exempt, Babel es_ES
    assert "Entrega intracomunitaria exenta (art. 14.º, n.º 1, al. a) RITI)." in text
    assert "VERI*FACTU" not in text and invoice["hash"] in text.replace("\n", "")
    h = invoice["hash"]
    assert _qr(body) == (f"A:B21000005*B:B21000005*C:ES*D:FT*E:N*F:{TODAY}*G:FT F{YEAR}/1*"
                         f"H:AAJFJ2K6-1*I1:PT*I2:27.60*N:0.00*O:27.60*"
                         f"Q:{h[0]}{h[10]}{h[20]}{h[30]}*R:0")


async def test_a_spanish_invoice_pdf_has_the_aeat_url_and_a_credit_note_is_negative(
        client: Client) -> None:
    order, vendor_order, operator = await _order(client, "ES", MADRID, "ES")
    await refund(client, order, vendor_order, "0", True)
    invoice, credit = (await client.gql(INVOICES, {"o": order}, operator))["iberiaInvoices"]
    body = await _pdf(client, invoice["id"], operator)
    assert _qr(body) == ("https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/"
                         f"ValidarQRNoVerifactu?nif=B21000005&numserie=F{YEAR}-000001&fecha="
                         f"{datetime.now(UTC).strftime('%d-%m-%Y')}&importe=27.60")
    text = _text(body)
    assert "Factura simplificada" in text and "27,60 €" in text and "ATCUD" not in text
    credit_text = _text(await _pdf(client, credit["id"], operator))
    assert f"R{YEAR}-000001" in credit_text and "-27,60 €" in credit_text
    assert f"F{YEAR}-000001" in credit_text  # what it rectifies


async def test_pdf_links_are_for_readers_only_and_expire(client: Client) -> None:
    order, _, operator = await _order(client, "ES", MADRID, "EN")
    invoice = (await client.gql(INVOICES, {"o": order}, operator))["iberiaInvoices"][0]
    stranger = await client.register("stranger@example.com")
    denied = await client.raw(PDF, {"id": invoice["id"]}, stranger)
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    forged = await client.http.get("/iberia/invoices/not-a-token")
    assert forged.status_code == 403
