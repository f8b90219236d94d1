"""An invoice or credit note as a PDF (fpdf2, DejaVu Sans for every script; Arabic shaped
with HarfBuzz): the invoice's language, Babel-formatted amounts and dates, the hash-chain
reference, the mentions, and the QR code of the issuer's country (:mod:`invoice_qr`).

Nothing is printed that the system has not earned: no "VERI*FACTU" legend (records are
not sent to the AEAT), no AT certificate number (Ruta is not AT-certified software), and
an ATCUD only when the vendor has given the AT's validation code of the series.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from babel.numbers import format_currency, format_percent

from plugins.iberia.invoice_qr import atcud, portuguese_qr, spanish_qr
from plugins.iberia.invoice_texts import label
from plugins.iberia.models import Invoice
from plugins.iberia.territories import territory_of

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_LOCALES = {"es": "es_ES", "pt": "pt_PT", "en": "en_GB", "fr": "fr_FR", "ar": "ar",
            "ro": "ro_RO", "uk": "uk_UA"}


def font_path(bold: bool = False) -> Path:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise RuntimeError(f"{name} not found: install fonts-dejavu-core")


def qr_payload(row: Invoice, validation_code: str | None) -> str:
    """The QR string of ``row``: the AT's fields for Portuguese issuers, the AEAT's URL
    for the others (Spanish issuers and the platform)."""
    content = row.content
    if content["issuer"].get("country") == "PT":
        place = territory_of("PT", (content["issuer"].get("address") or {}).get("postalCode"))
        return portuguese_qr(content, f"{row.series}{row.year}", row.number, row.hash,
                             validation_code, place.code if place else "PT")
    return spanish_qr(content, row.code)


def _money(value: str, locale: str) -> str:
    return format_currency(Decimal(value), "EUR", locale=locale)


def _title(content: dict[str, Any], language: str) -> str:
    if content["kind"] == "CREDIT_NOTE":
        return label("CREDIT_NOTE", language)
    return label("SIMPLIFIED_INVOICE" if content.get("form") == "SIMPLIFIED" else "INVOICE",
                 language)


def _party(pdf: FPDF, heading: str, party: dict[str, Any], language: str) -> None:
    pdf.set_font("dejavu", "B", 9)
    pdf.cell(0, 5, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "", 9)
    address = ", ".join(str(v) for v in (party.get("address") or {}).values())
    for text in (party.get("name"), f"{label('TAX_ID', language)}: {party.get('tax_id') or '-'}",
                 address):
        if text:
            pdf.multi_cell(0, 4.5, str(text), new_x="LMARGIN", new_y="NEXT")


def render(row: Invoice, validation_code: str | None = None) -> bytes:
    content = row.content
    language = content["language"]
    locale = _LOCALES.get(language, "en_GB")
    # imported on first use: fpdf and segno weigh ~50 MB in a worker (bench/README.md)
    import segno
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", "", str(font_path()))
    pdf.add_font("dejavu", "B", str(font_path(bold=True)))
    pdf.set_text_shaping(True)
    pdf.add_page()
    pdf.set_font("dejavu", "B", 15)
    pdf.cell(0, 9, f"{_title(content, language)} {row.code}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "", 9)
    issued = format_date(row.issued_at.date(), format="long", locale=locale)
    pdf.cell(0, 5, f"{label('DATE', language)}: {issued}", new_x="LMARGIN", new_y="NEXT")
    if content["issuer"].get("country") == "PT":
        pdf.cell(0, 5, f"ATCUD: {atcud(validation_code, row.number)}", new_x="LMARGIN",
                 new_y="NEXT")
    if content.get("rectifies"):
        pdf.cell(0, 5, f"{label('RECTIFIES', language)} {content['rectifies']['code']}",
                 new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _party(pdf, label("ISSUER", language), content["issuer"], language)
    pdf.ln(1)
    _party(pdf, label("BUYER", language), content["buyer"], language)
    pdf.ln(3)
    _table(pdf, content, language, locale)
    pdf.ln(2)
    pdf.set_font("dejavu", "", 8)
    for text in content.get("mentions", []):
        pdf.multi_cell(0, 4, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.multi_cell(0, 4, f"{label('HASH', language)}: {row.hash}\n"
                   f"{label('PREVIOUS', language)}: {row.prev_hash}",
                   new_x="LMARGIN", new_y="NEXT")
    image = io.BytesIO()
    segno.make(qr_payload(row, validation_code), error="m").save(image, kind="png", scale=6,
                                                                 border=4)
    image.seek(0)
    pdf.image(image, x=pdf.l_margin, y=pdf.get_y() + 2, w=40)
    return bytes(pdf.output())


def _table(pdf: FPDF, content: dict[str, Any], language: str, locale: str) -> None:
    widths = (78, 16, 18, 26, 22, 26)
    heads = ("DESCRIPTION", "QUANTITY", "RATE", "BASE", "TAX", "TOTAL")
    pdf.set_font("dejavu", "B", 8)
    for width, head in zip(widths, heads, strict=True):
        pdf.cell(width, 6, label(head, language), border="B")
    pdf.ln()
    pdf.set_font("dejavu", "", 8)
    for line in content["lines"]:
        cells = (str(line["description"])[:48], str(line["quantity"]),
                 format_percent(Decimal(line["rate"]), "#,##0.##%", locale=locale),
                 _money(line["net"], locale), _money(line["tax"], locale),
                 _money(line["gross"], locale))
        for width, text in zip(widths, cells, strict=True):
            pdf.cell(width, 5, text)
        pdf.ln()
    totals = content["totals"]
    pdf.set_font("dejavu", "B", 9)
    for key, value in (("BASE", totals["net"]), ("TAX", totals["tax"]),
                       ("TOTAL", totals["gross"])):
        pdf.cell(sum(widths[:-1]), 6, label(key, language), align="R")
        pdf.cell(widths[-1], 6, _money(value, locale), new_x="LMARGIN", new_y="NEXT")
