"""Products as CSV: the columns, writing an export, reading an import row by row."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from engine.plugins.api import Visit
from plugins.dashboard.forms import decimal_or_none, int_or_none

COLUMNS = ("name", "description", "kind", "taxClass", "isPublished", "sku", "variantName",
           "price", "stock")
REQUIRED = ("name", "kind", "sku", "price")
TRUE, FALSE = {"1", "true", "yes", "sí", "si", "sim"}, {"", "0", "false", "no", "não", "nao"}
MAX_ROWS = 1000


@dataclass
class Parsed:
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (row, column, message)


def export(products: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for product in products:
        for variant in product["variants"] or [{}]:
            writer.writerow([product["name"], product["description"], product["kind"],
                             product["taxClass"], "yes" if product["isPublished"] else "no",
                             variant.get("sku", ""), variant.get("name", ""),
                             (variant.get("price") or {}).get("amount", ""),
                             variant.get("stock") if variant.get("stock") is not None else ""])
    return out.getvalue()


def parse(visit: Visit, content: bytes) -> Parsed:
    """Rows as ``ProductImportRowInput``; every problem found, with its row and column."""
    parsed = Parsed()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        parsed.errors.append((0, "", visit.gettext("The file must be UTF-8 text (CSV).")))
        return parsed
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        parsed.errors.append((0, ", ".join(missing), visit.gettext(
            "The first line must name the columns; missing: %(columns)s",
            columns=", ".join(missing))))
        return parsed
    for number, line in enumerate(reader, start=1):
        if number > MAX_ROWS:
            parsed.errors.append((number, "", visit.gettext("At most 1000 rows per file.")))
            break
        parsed.rows.append(_row(visit, number, line, parsed.errors))
    if not parsed.rows and not parsed.errors:
        parsed.errors.append((0, "", visit.gettext("The file has no rows.")))
    return parsed


def _row(visit: Visit, number: int, line: dict[str, str | None],
         errors: list[tuple[int, str, str]]) -> dict[str, Any]:
    def cell(name: str) -> str:
        return (line.get(name) or "").strip()

    price = decimal_or_none(cell("price"))
    if price is None:
        errors.append((number, "price", visit.gettext("Write a price such as 12.50.")))
    stock = int_or_none(cell("stock") or "0")
    if stock is None or stock < 0:
        errors.append((number, "stock", visit.gettext("Write a whole number, 0 or more.")))
    published = cell("isPublished").lower()
    if published not in TRUE | FALSE:
        errors.append((number, "isPublished", visit.gettext("Write yes or no.")))
    return {"name": cell("name"), "kind": cell("kind").upper(), "sku": cell("sku"),
            "price": price or "0", "stock": stock or 0,
            "description": cell("description") or None,
            "taxClass": cell("taxClass") or None, "variantName": cell("variantName") or None,
            "isPublished": published in TRUE}
