"""Supply categories (derived from product kind + ``delivery``) and the rules kept as data.

=================  =========================================================================
GOODS              shipped goods (PHYSICAL, delivery SHIPPED; shipping charges follow them)
ESS                electronically supplied services: downloads, e-books, pre-recorded
                   courses (Implementing Regulation 282/2011, art. 7 and Annex II)
GENERAL            services with human intervention: advice, mentoring, live one-to-one
                   sessions (VAT Directive art. 44 / 45)
EVENT_ADMISSION    admission to an event attended in person, taxed where it takes place
                   (art. 53 / 54(1))
LIVE_VIRTUAL       an event or class streamed live (art. 53 / 54(2) as amended by Directive
                   (EU) 2022/542 from 1 January 2025); rule by country and date below
=================  =========================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

GOODS = "GOODS"
ESS = "ESS"
GENERAL = "GENERAL"
EVENT_ADMISSION = "EVENT_ADMISSION"
LIVE_VIRTUAL = "LIVE_VIRTUAL"

_BY_DELIVERY = {"SHIPPED": GOODS, "DOWNLOAD": ESS, "ONLINE_RECORDED": ESS,
                "ONLINE_LIVE": LIVE_VIRTUAL, "IN_PERSON": EVENT_ADMISSION}
_BY_KIND = {"PHYSICAL": GOODS, "SHIPPING": GOODS, "DIGITAL": ESS, "COURSE": ESS,
            "EVENT": EVENT_ADMISSION, "SERVICE": GENERAL}


def category_of(kind: str, attributes: Mapping[str, Any]) -> str:
    """The supply category of a line. A SERVICE (advice, mentoring) stays a general service
    when given live online or in person: one-to-one or group advice is not admission to an
    event (configured choice where the law is unsettled for group sessions: see notes)."""
    delivery = str(attributes.get("delivery") or "").upper()
    if kind == "SERVICE":
        return ESS if delivery in ("DOWNLOAD", "ONLINE_RECORDED") else GENERAL
    if delivery in _BY_DELIVERY:
        return _BY_DELIVERY[delivery]
    return _BY_KIND.get(kind, GENERAL)


@dataclass(frozen=True)
class LiveVirtualRule:
    """Where a live virtual event sold to a consumer is taxed, from ``effective_from``:
    ``CUSTOMER`` (where the consumer lives) or ``SUPPLIER`` (where the supplier is)."""

    country: str  # the supplier's member state, or "*" for any
    effective_from: date
    place: str
    settled: bool
    source: str


LIVE_VIRTUAL_RULES: tuple[LiveVirtualRule, ...] = (
    LiveVirtualRule("*", date(2010, 1, 1), "SUPPLIER", False,
                    "VAT Directive art. 54(1) before 2025 ('where the event actually takes "
                    "place'): unsettled for streamed events; configured choice: the "
                    "supplier's establishment"),
    LiveVirtualRule("ES", date(2010, 1, 1), "SUPPLIER", False,
                    "Ley 37/1992, art. 70.Uno.3º (before Ley 7/2024): unsettled for events "
                    "attended virtually; configured choice: the supplier's establishment"),
    LiveVirtualRule("*", date(2025, 1, 1), "CUSTOMER", True,
                    "VAT Directive art. 54(2)(b) as amended by Council Directive (EU) "
                    "2022/542, art. 1(5)"),
    LiveVirtualRule("ES", date(2025, 1, 1), "CUSTOMER", True,
                    "Ley 37/1992, art. 70.Uno.3º as amended (Directive (EU) 2022/542 "
                    "transposed, applicable from 1 January 2025)"),
)


def live_virtual_rule(supplier_country: str, on: date) -> LiveVirtualRule:
    best: LiveVirtualRule | None = None
    for rule in LIVE_VIRTUAL_RULES:
        if rule.effective_from > on or rule.country not in (supplier_country, "*"):
            continue
        if best is None or (rule.effective_from, rule.country != "*") > \
                (best.effective_from, best.country != "*"):
            best = rule
    assert best is not None, "LIVE_VIRTUAL_RULES has a catch-all row from 2010"
    return best
