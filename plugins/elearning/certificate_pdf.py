"""A certificate as a one-page PDF (fpdf2, DejaVu Sans for every script; Arabic shaped with
HarfBuzz): the learner's name, the course, the date, the issuer, the credential id and a QR
code (segno) that opens the public verification page. Everything printed comes from the
signed credential, so the paper says what ``/verify`` confirms. A certificate of attendance
prints the activity, its organiser and the day attended instead of the course."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date

from plugins.elearning.certificate_texts import label

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
LOCALES = {"es": "es_ES", "pt": "pt_PT", "en": "en_GB", "fr": "fr_FR", "ar": "ar",
           "ro": "ro_RO", "uk": "uk_UA"}


@dataclass(frozen=True)
class CertificateFacts:
    name: str
    course: str
    issued_at: datetime
    expires_at: datetime | None
    issuer_name: str
    issuer_url: str
    credential_id: str
    verify_url: str
    #: set for a certificate of attendance (``course`` is then the activity attended)
    attended_on: date | None = None
    organiser: str | None = None


def _font(bold: bool) -> str:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return str(folder / name)
    raise RuntimeError(f"{name} not found: install fonts-dejavu-core")


def _line(pdf: FPDF, size: float, text: str, *, bold: bool = False, height: float = 9) -> None:
    pdf.set_font("dejavu", "B" if bold else "", size)
    pdf.multi_cell(0, height, text, align="C", new_x="LMARGIN", new_y="NEXT")


def render(facts: CertificateFacts, language: str) -> bytes:
    locale = LOCALES.get(language, "en_GB")
    attendance = facts.attended_on is not None
    title = label("ATTENDANCE_TITLE" if attendance else "TITLE", language)
    # imported on first use: fpdf and segno weigh ~50 MB in a worker (bench/README.md)
    import segno
    from fpdf import FPDF

    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(f"{title}: {facts.course}")
    pdf.set_author(facts.issuer_name)
    pdf.add_font("dejavu", "", _font(False))
    pdf.add_font("dejavu", "B", _font(True))
    pdf.set_text_shaping(True)
    pdf.add_page()
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
    pdf.set_y(24)
    _line(pdf, 26, title, bold=True, height=14)
    pdf.ln(6)
    _line(pdf, 13, label("AWARDED_TO", language))
    _line(pdf, 24, facts.name, bold=True, height=13)
    pdf.ln(3)
    _line(pdf, 13, label("FOR_ATTENDING" if attendance else "FOR_COURSE", language))
    _line(pdf, 19, facts.course, bold=True, height=11)
    pdf.ln(6)
    if facts.attended_on is not None:
        day = format_date(facts.attended_on, format="long", locale=locale)
        _line(pdf, 12, f"{label('ATTENDED_ON', language)}: {day}", height=7)
    if facts.organiser:
        _line(pdf, 12, f"{label('ORGANISER', language)}: {facts.organiser}", height=7)
    issued = format_date(facts.issued_at.date(), format="long", locale=locale)
    _line(pdf, 12, f"{label('DATE', language)}: {issued}", height=7)
    if facts.expires_at is not None:
        until = format_date(facts.expires_at.date(), format="long", locale=locale)
        _line(pdf, 12, f"{label('VALID_UNTIL', language)}: {until}", height=7)
    _line(pdf, 12, f"{label('ISSUER', language)}: {facts.issuer_name} ({facts.issuer_url})",
          height=7)
    _line(pdf, 9, f"{label('CREDENTIAL', language)}: {facts.credential_id}", height=6)
    image = io.BytesIO()
    segno.make(facts.verify_url, error="m").save(image, kind="png", scale=6, border=4)
    image.seek(0)
    size = 42.0
    pdf.image(image, x=(pdf.w - size) / 2, y=pdf.h - size - 30, w=size)
    pdf.set_y(pdf.h - 28)
    _line(pdf, 8, f"{label('VERIFY', language)} {facts.verify_url}", height=5)
    return bytes(pdf.output())
