"""Rectifying invoices (credit notes) for refunds: negative amounts referring to the original.

Spain: *factura rectificativa* in its own series, stating that it rectifies and which invoice
(RD 1619/2012 art. 15 and 6.1.a); Portugal: *nota de crédito* referring to the invoice
(Código do IVA art. 29.º n.º 1 b) and 78.º); Directive 2006/112/EC art. 219.

A full refund negates every line. A partial refund (a gross amount) is spread over the
original's rates in proportion to their gross, each share rounded half-up and the last one
taking the remainder; each share splits into base = share / (1 + rate) (half-up) and tax =
share - base.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from engine.plugins.api import quantize
from plugins.iberia.invoice_content import ZERO, amount, finish
from plugins.iberia.invoice_texts import label


def _negate(line: dict[str, Any]) -> dict[str, Any]:
    out = dict(line)
    for key in ("net", "tax", "gross"):
        out[key] = amount(-Decimal(line[key]))
    return out


def split(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """``total`` in proportion to ``weights``: half-up shares, the last takes the rest."""
    whole = sum(weights, ZERO)
    if not weights or whole == 0:
        return [ZERO for _ in weights]
    shares = [quantize(total * w / whole) for w in weights[:-1]]
    return [*shares, total - sum(shares, ZERO)]


def _partial_lines(original: dict[str, Any], gross: Decimal) -> list[dict[str, Any]]:
    buckets = original["breakdown"]
    weights = [Decimal(b["base"]) + Decimal(b["tax"]) for b in buckets]
    lines = []
    for bucket, share in zip(buckets, split(gross, weights), strict=True):
        if share == 0:
            continue
        base = quantize(share / (1 + Decimal(bucket["rate"])))
        lines.append({"description": label("PARTIAL_REFUND", original["language"]),
                      "quantity": 1, "rate": bucket["rate"], "treatment": bucket["treatment"],
                      "net": amount(-base), "tax": amount(-(share - base)),
                      "gross": amount(-share), "note": None})
    return lines


def credit_content(original: dict[str, Any], code: str, gross: Decimal | None,
                   issued_at: str) -> dict[str, Any]:
    """The credit note for ``gross`` (``None``: all of it) of the invoice ``original``."""
    lines = [_negate(ln) for ln in original["lines"]] if gross is None \
        else _partial_lines(original, gross)
    content = copy.deepcopy({k: v for k, v in original.items()
                             if k not in ("lines", "breakdown", "totals", "mentions")})
    language = original["language"]
    content.update({
        "kind": "CREDIT_NOTE", "issued_at": issued_at, "lines": lines,
        "rectifies": {"code": code, "issued_at": original["issued_at"]}, "reason": "REFUND",
        "mentions": [f"{label('RECTIFIES', language)} {code}", *original["mentions"]]})
    return finish(content)
