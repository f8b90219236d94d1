"""Per-vendor tax facts the pure tax hook needs, kept as an in-memory snapshot.

``ruta_tax_decision`` is sync and pure and cannot read the database during a request, yet
the decision depends on facts held in this plugin's tables (OSS registration and opt-in,
the education exemption, cross-border B2C sales per year). Each process keeps a snapshot
(:data:`SNAPSHOT`), replaced as a whole by :func:`plugins.iberia.facts_loader.reload`,
which runs from ``ruta_tick`` (throttled), after the plugin's own writes and after every
paid order it records. Per process: another worker sees a change on its next reload (a few
seconds). A vendor missing from the snapshot has no registration, no exemption and no
recorded sales (origin taxation below the threshold).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

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


class Snapshot:
    def __init__(self) -> None:
        self._facts: dict[int, VendorFacts] = {}

    def get(self, vendor_id: int) -> VendorFacts:
        return self._facts.get(vendor_id, NO_FACTS)

    def replace(self, facts: dict[int, VendorFacts]) -> None:
        self._facts = dict(facts)

    def clear(self) -> None:
        self._facts = {}


SNAPSHOT = Snapshot()
