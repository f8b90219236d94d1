"""Pictures and PDFs for the demo, drawn locally with Pillow at seed time (no downloaded or
committed third-party assets)."""

from __future__ import annotations

import hashlib
import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

PALETTE = ("#7a4e2d", "#c8553d", "#2e6f40", "#1f5673", "#8a6d1d", "#6b3e75", "#2a7f62")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def product_picture(title: str, kind: str, seed: str) -> bytes:
    """An 800x600 PNG: a coloured card with the product's name."""
    digest = hashlib.sha256(seed.encode()).digest()
    color = PALETTE[digest[0] % len(PALETTE)]
    image = Image.new("RGB", (800, 600), color)
    draw = ImageDraw.Draw(image)
    for ring in range(4):
        radius = 90 + ring * 70 + digest[ring + 1] % 30
        draw.ellipse((620 - radius, 120 - radius, 620 + radius, 120 + radius),
                     outline="#ffffff", width=3)
    draw.rectangle((0, 420, 800, 600), fill="#1b1b1b")
    lines = textwrap.wrap(title, 30)[:2]
    for index, line in enumerate(lines):
        draw.text((40, 445 + index * 58), line, font=_font(44), fill="#ffffff")
    draw.text((40, 40), kind.title(), font=_font(32), fill="#ffffff")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def ebook_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A small one-page PDF (A5 at 100 dpi) with a title and a few paragraphs."""
    page = Image.new("RGB", (583, 827), "white")
    draw = ImageDraw.Draw(page)
    draw.text((40, 50), title, font=_font(26), fill="#222222")
    y = 120
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, 48):
            draw.text((40, y), line, font=_font(18), fill="#333333")
            y += 26
        y += 14
    out = io.BytesIO()
    page.save(out, "PDF", resolution=100.0, title=title)
    return out.getvalue()
