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

from engine.plugins.api import OrderFacts, VendorOrderFacts, quantize, shares, taxed
from plugins.iberia.config import IberiaConfig
from plugins.iberia.core_reads import LineTax, VendorParty
from plugins.iberia.invoice_form import invoice_form
from plugins.iberia.invoice_mentions import legal_mentions
from plugins.iberia.invoice_texts import invoice_language, label
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


def mentions(lines: list[dict[str, Any]], language: str, platform: bool,
             issuer_country: str | None) -> list[str]:
    """The exemption / reverse-charge / non-subject grounds of the lines, in the issuer's
    law (:mod:`plugins.iberia.invoice_mentions`); the decisions' own notes (in English,
    citing both laws) stay on the lines, never in the mentions."""
    found: list[str] = []
    treatments = [ln["treatment"] for ln in lines if ln["treatment"] not in RATED]
    if platform:
        treatments.append("DEEMED_SUPPLIER")
    for treatment in treatments:
        for text in legal_mentions(treatment, issuer_country, language):
            if text not in found:
                found.append(text)
    return found


def finish(content: dict[str, Any]) -> dict[str, Any]:
    """Fill in breakdown and totals from the lines."""
    lines = content["lines"]
    net = sum((Decimal(ln["net"]) for ln in lines), ZERO)
    tax = sum((Decimal(ln["tax"]) for ln in lines), ZERO)
    content["breakdown"] = breakdown(lines)
    content["totals"] = {"net": amount(net), "tax": amount(tax), "gross": amount(net + tax)}
    return content


def _shipping_lines(vo: VendorOrderFacts, goods: list[dict[str, Any]], tax: Decimal,
                    include_tax: bool, language: str) -> list[dict[str, Any]]:
    """The shipping charge follows the goods it carries (VAT Directive art. 78(b); LIVA art.
    78.Dos.1º; CIVA art. 16.º n.º 5 b)): one row per goods' rate, split as at checkout
    (``engine.plugins.api.shares`` of the charge in proportion to the goods' net values,
    then each share taxed at its goods' rate); the rows add up to the vendor order's
    shipping net and tax."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for line in goods:
        group = groups.setdefault((line["rate"], line["treatment"]), [Decimal(0), line["note"]])
        group[0] += Decimal(line["net"])
    if not groups:
        groups[("0" if not tax else str((tax / vo.shipping_net).quantize(Decimal("0.0001"))),
                "STANDARD" if tax else "OUTSIDE_SCOPE")] = [Decimal(1), None]
    keys = list(groups)
    charge = vo.shipping_net + tax if include_tax else vo.shipping_net
    parts = [taxed(share, Decimal(rate), prices_include_tax=include_tax)
             for share, (rate, _) in zip(shares(charge, [groups[k][0] for k in keys]), keys,
                                         strict=True)]
    if sum((p.net for p in parts), ZERO) != vo.shipping_net or \
            sum((p.tax for p in parts), ZERO) != tax:  # the vendor changed its setting since
        parts = [taxed(share, Decimal(rate), prices_include_tax=False) for share, (rate, _)
                 in zip(shares(vo.shipping_net, [groups[k][0] for k in keys]), keys,
                        strict=True)]
        extra = tax - sum((p.tax for p in parts), ZERO)
        last = parts[-1]
        parts[-1] = type(last)(last.net, last.tax + extra, last.gross + extra)
    return [{"description": label("SHIPPING", language), "quantity": 1, "rate": rate,
             "treatment": treatment, "net": amount(part.net), "tax": amount(part.tax),
             "gross": amount(part.net + part.tax), "note": groups[(rate, treatment)][1]}
            for (rate, treatment), part in zip(keys, parts, strict=True)]


def invoice_drafts(order: OrderFacts, vo: VendorOrderFacts, taxes: Mapping[int, LineTax],
                   ship_tax: Decimal, vendor: VendorParty, config: IberiaConfig,
                   issued_at: datetime) -> list[Draft]:
    """One draft per issuer of the vendor order (normally one: the vendor)."""
    buyer = _buyer(order)
    language = invoice_language(order.language_code, buyer["country"])
    by_issuer: dict[str, list[dict[str, Any]]] = {}
    categories: dict[str, set[str]] = {}
    goods: list[dict[str, Any]] = []
    elsewhere: set[str] = set()
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
        if ln.tax_treatment in RATED and (ln.tax_territory or "")[:2] not in (
                "", vendor.country if key != PLATFORM else config.platform_country):
            elsewhere.add(key)
        categories.setdefault(key, set()).add(category)
        if category == GOODS:
            goods.append(by_issuer[key][-1])
    if vo.shipping_net or ship_tax:
        own = by_issuer.setdefault(vendor_key(vo.vendor_id), [])
        own.extend(_shipping_lines(vo, goods, ship_tax, vendor.prices_include_tax, language))
        categories.setdefault(vendor_key(vo.vendor_id), set()).add(GOODS)
    drafts = []
    for key, lines in by_issuer.items():
        issuer = _issuer(key, vendor, config)
        content = finish({
            "kind": "INVOICE", "language": language, "currency": "EUR",
            "issued_at": issued_at.replace(microsecond=0).isoformat(),
            "order_number": order.number, "vendor_order_id": vo.id,
            "issuer": issuer, "buyer": buyer, "lines": lines,
            "mentions": mentions(lines, language, key == PLATFORM, issuer["country"]),
            "rectifies": None})
        content["form"] = invoice_form(
            issuer["country"], Decimal(content["totals"]["gross"]),
            buyer_is_business=order.vat_id is not None,
            treatments=[ln["treatment"] for ln in lines],
            goods_only=categories[key] == {GOODS}, taxed_elsewhere=key in elsewhere)
        drafts.append(Draft(key, vo.vendor_id, "INVOICE", content))
    return drafts
