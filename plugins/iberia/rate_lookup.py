"""A tax class's rate in a territory on a date: class override row, else the class's band."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from plugins.iberia.rates import rate_on
from plugins.iberia.tax_classes import band_on

_TREATMENT_OF_BAND = {"STANDARD": "STANDARD", "INTERMEDIATE": "REDUCED", "REDUCED": "REDUCED",
                      "SUPER_REDUCED": "SUPER_REDUCED"}


@dataclass(frozen=True)
class AppliedRate:
    rate: Decimal
    treatment: str
    source: str


def applied_rate(territory: str, tax_class: str, on: date) -> AppliedRate | None:
    """None when nothing is tabulated for ``territory`` (outside the EU)."""
    standard = rate_on(territory, "STANDARD", on)
    if standard is None:
        return None
    override = rate_on(territory, f"CLASS:{tax_class}", on, strict=True)
    band = band_on(territory, tax_class, on)
    if override is not None:
        row = override
        treatment = _TREATMENT_OF_BAND.get(band, "STANDARD") if band != "STANDARD" else (
            "REDUCED" if override.rate < standard.rate else "STANDARD")
    else:
        row = rate_on(territory, band, on) or standard
        treatment = _TREATMENT_OF_BAND.get(band, "STANDARD") if row is not standard \
            else "STANDARD"
    if row.rate == 0:
        treatment = "ZERO"
    return AppliedRate(row.rate, treatment, row.source)
