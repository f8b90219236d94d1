"""The snapshot an invoice stores: parties, lines, base and tax per rate, mentions, totals.

Every amount is a string with two decimals (the snapshot is JSON and hashed). Line amounts
are the order's rounded line amounts (half-up to the cent at checkout); the base and tax per
rate are sums of those rounded line amounts, so the breakdown always adds up to the total.
When the platform is the deemed supplier (``RUTA_IBERIA_DEEMED_SUPPLIER``), the platform
issues the invoice for the electronically supplied services and the vendor for the rest.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from engine.plugins.api import OrderFacts, VendorOrderFacts, quantize
from plugins.iberia.config import IberiaConfig
from plugins.iberia.core_reads import LineTax, VendorParty
from plugins.iberia.invoice_form import invoice_form
from plugins.iberia.invoice_texts import invoice_language, label, mention
from plugins.iberia.supply import ESS, GOODS, category_of

PLATFORM = "platform"
ZERO = Decimal("0.00")
RATED = ("STANDARD", "REDUCED", "SUPER_REDUCED", "ZERO")


@dataclass(frozen=True)
class Draft:
    issuer_key: str
    vendor_id: int
    kind: str
    content: dict[str, Any]


def amount(value: Decimal) -> str:
    return f"{quantize(value):.2f}"


def vendor_key(vendor_id: int) -> str:
    return f"vendor:{vendor_id}"


def _buyer(order: OrderFacts) -> dict[str, Any]:
    address: Mapping[str, Any] = order.billing_address or order.shipping_address or {}
    person = " ".join(str(address.get(k) or "") for k in ("firstName", "lastName")).strip()
    return {"name": str(address.get("companyName") or person or order.email),
            "tax_id": order.vat_id, "country": address.get("country"),
            "salt": secrets.token_hex(16),  # the chain hashes a digest of this block
            "address": {k: str(v) for k, v in address.items()
                        if k in ("streetAddress1", "streetAddress2", "postalCode", "city",
                                 "countryArea", "country") and v}}


def _issuer(key: str, vendor: VendorParty, config: IberiaConfig) -> dict[str, Any]:
    if key == PLATFORM:
        return {"name": config.platform_name, "tax_id": config.platform_tax_id,
                "country": config.platform_country,
                "address": {"postalCode": config.platform_postal_code,
                            "country": config.platform_country}}
    return {"name": vendor.name, "tax_id": vendor.tax_id, "country": vendor.country,
            "address": {k: v for k, v in (("postalCode", vendor.postal_code),
                                          ("countryArea", vendor.region),
                                          ("country", vendor.country)) if v}}


def breakdown(lines: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Base and tax per (rate, treatment): sums of the rounded line amounts."""
    sums: dict[tuple[str, str], list[Decimal]] = {}
    for line in lines:
        bucket = sums.setdefault((line["rate"], line["treatment"]), [ZERO, ZERO])
        bucket[0] += Decimal(line["net"])
        bucket[1] += Decimal(line["tax"])
    return [{"rate": rate, "treatment": treatment, "base": amount(base), "tax": amount(tax)}
            for (rate, treatment), (base, tax) in sorted(
                sums.items(), key=lambda item: (-Decimal(item[0][0]), item[0][1]))]


def mentions(lines: list[dict[str, Any]], language: str, platform: bool) -> list[str]:
    found: list[str] = []
    for line in lines:
        if line["treatment"] in RATED:
            continue
        for text in (mention(line["treatment"], language), line.get("note")):
            if text and text not in found:
                found.append(text)
    if platform:
        found.append(mention("DEEMED_SUPPLIER", language) or "")
    return found


def finish(content: dict[str, Any]) -> dict[str, Any]:
    """Fill in breakdown and totals from the lines."""
    lines = content["lines"]
    net = sum((Decimal(ln["net"]) for ln in lines), ZERO)
    tax = sum((Decimal(ln["tax"]) for ln in lines), ZERO)
    content["breakdown"] = breakdown(lines)
    content["totals"] = {"net": amount(net), "tax": amount(tax), "gross": amount(net + tax)}
    return content


def _shipping_line(vo: VendorOrderFacts, goods: list[dict[str, Any]], tax: Decimal,
                   language: str) -> dict[str, Any]:
    net = vo.shipping_net
    rate, treatment = None, "STANDARD" if tax else "OUTSIDE_SCOPE"
    for line in goods:  # shipping follows the goods it carries
        if quantize(net * Decimal(line["rate"])) == tax:
            rate, treatment = line["rate"], line["treatment"]
            break
    if rate is None:
        rate = str((tax / net).quantize(Decimal("0.0001"))) if net else "0"
    return {"description": label("SHIPPING", language), "quantity": 1, "rate": rate,
            "treatment": treatment, "net": amount(net), "tax": amount(tax),
            "gross": amount(net + tax), "note": None}


def invoice_drafts(order: OrderFacts, vo: VendorOrderFacts, taxes: Mapping[int, LineTax],
                   ship_tax: Decimal, vendor: VendorParty, config: IberiaConfig,
                   issued_at: datetime) -> list[Draft]:
    """One draft per issuer of the vendor order (normally one: the vendor)."""
    buyer = _buyer(order)
    language = invoice_language(order.language_code, buyer["country"])
    by_issuer: dict[str, list[dict[str, Any]]] = {}
    categories: dict[str, set[str]] = {}
    for ln in vo.lines:
        tax = taxes.get(ln.id)
        category = category_of(ln.product_kind, ln.product_attributes)
        key = PLATFORM if config.deemed_supplier and category == ESS else vendor_key(vo.vendor_id)
        name = ln.product_name if not tax or not tax.variant_name else \
            f"{ln.product_name} ({tax.variant_name})"
        by_issuer.setdefault(key, []).append({
            "description": name, "quantity": ln.quantity,
            "rate": str(tax.rate.normalize()) if tax else "0", "treatment": ln.tax_treatment,
            "net": amount(ln.total_net), "tax": amount(ln.total_gross - ln.total_net),
            "gross": amount(ln.total_gross), "note": tax.legal_note if tax else None})
        categories.setdefault(key, set()).add(category)
    if vo.shipping_net or ship_tax:
        own = by_issuer.setdefault(vendor_key(vo.vendor_id), [])
        own.append(_shipping_line(vo, own, ship_tax, language))
        categories.setdefault(vendor_key(vo.vendor_id), set()).add(GOODS)
    drafts = []
    for key, lines in by_issuer.items():
        issuer = _issuer(key, vendor, config)
        content = finish({
            "kind": "INVOICE", "language": language, "currency": "EUR",
            "issued_at": issued_at.replace(microsecond=0).isoformat(),
            "order_number": order.number, "vendor_order_id": vo.id,
            "issuer": issuer, "buyer": buyer, "lines": lines,
            "mentions": mentions(lines, language, key == PLATFORM), "rectifies": None})
        content["form"] = invoice_form(
            issuer["country"], Decimal(content["totals"]["gross"]),
            buyer_is_business=order.vat_id is not None,
            treatments=[ln["treatment"] for ln in lines],
            goods_only=categories[key] == {GOODS})
        drafts.append(Draft(key, vo.vendor_id, "INVOICE", content))
    return drafts
