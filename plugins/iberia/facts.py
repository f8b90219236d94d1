"""Per-vendor tax facts the pure tax hook needs, passed on each line.

``ruta_tax_decision`` is sync and pure and cannot read the database, yet the decision
depends on facts held in this plugin's tables (OSS registration and opt-in, the education
exemption, cross-border B2C sales per year with the vendor's declared outside sales, an
operator's manual VIES confirmation of the buyer's number). The engine asks
``ruta_pricing_facts`` (:func:`plugins.iberia.sales.pricing_facts`) before it prices a cart
or a listing and passes the answer on ``PricingLine.vendor_facts``: a change (an OSS
opt-in, a declaration) takes effect on the next request, on every worker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

#: Union-wide threshold for intra-EU distance sales of goods and TBE services to
#: consumers (VAT Directive art. 59c(1)(c), art. 33 as amended by Directive 2017/2455).
EU_THRESHOLD = Decimal("10000.00")


@dataclass(frozen=True)
class Exemption:
    """The education / vocational training exemption granted to the vendor, with evidence
    (e.g. the authorisation's reference) and validity dates."""

    evidence: str
    valid_from: date
    valid_until: date | None

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)


@dataclass(frozen=True)
class VendorFacts:
    oss_registered: bool = False
    #: Opted to tax every intra-EU B2C sale at destination (art. 59c(3)).
    oss_opt_in: bool = False
    exemption: Exemption | None = None
    #: Net cross-border B2C sales in the EU (goods distance sales + TBE services) per year.
    sales: dict[int, Decimal] = field(default_factory=dict)

    def sales_in(self, year: int) -> Decimal:
        return self.sales.get(year, Decimal("0.00"))


NO_FACTS = VendorFacts()
#: Keys in ``PricingLine.vendor_facts``.
FACTS_KEY = "iberia"
CONFIRMED_KEY = "iberia_vat_confirmed"


@dataclass(frozen=True)
class ManualConfirmation:
    """An operator's record that ``vat_id`` was confirmed while VIES was unavailable."""

    vat_id: str
    reference: str
    consulted_on: date


def facts_on(vendor_facts: Mapping[str, Any]) -> VendorFacts:
    found = vendor_facts.get(FACTS_KEY)
    return found if isinstance(found, VendorFacts) else NO_FACTS


def confirmation_on(vendor_facts: Mapping[str, Any]) -> ManualConfirmation | None:
    found = vendor_facts.get(CONFIRMED_KEY)
    return found if isinstance(found, ManualConfirmation) else None
