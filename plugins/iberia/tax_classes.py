"""Tax classes (what is sold) and the band each maps to, per territory group and date.

A class names the goods or service, never a rate: ``BOOKS`` is super-reduced in Spain
(4 %) and reduced in Portugal (6 %). The mapping is data with effective dates, like rates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from engine.plugins.api import TaxClassSpec

TAX_CLASSES: tuple[TaxClassSpec, ...] = (
    TaxClassSpec("BOOKS", "Books", "Printed books, newspapers and periodicals"),
    TaxClassSpec("EBOOKS", "E-books", "Books and periodicals supplied electronically"),
    TaxClassSpec("FOOD_BASIC", "Basic food", "Bread, milk, eggs, fruit, vegetables, olive oil"),
    TaxClassSpec("FOOD", "Food", "Other food for human consumption"),
    TaxClassSpec("CULTURAL_EVENT", "Cultural event", "Admission to concerts, theatre, cinema"),
    TaxClassSpec("PASSENGER_TRANSPORT", "Passenger transport", "Carrying people"),
    TaxClassSpec("ACCOMMODATION", "Accommodation", "Hotel and similar accommodation"),
    TaxClassSpec("MEDICINES", "Medicines", "Medicines for human use"),
)
CLASS_CODES = frozenset(spec.code for spec in TAX_CLASSES) | {"STANDARD"}

LIVA = "Ley 37/1992 del IVA"
CIVA = "Código do IVA"


@dataclass(frozen=True)
class BandRow:
    group: str  # "ES" (Spanish VAT territory) or "PT" (mainland, Azores, Madeira)
    tax_class: str
    band: str
    effective_from: date
    source: str


BAND_ROWS: tuple[BandRow, ...] = (
    BandRow("ES", "BOOKS", "SUPER_REDUCED", date(1995, 1, 1), f"{LIVA}, art. 91.Dos.1.2º"),
    BandRow("ES", "EBOOKS", "STANDARD", date(1995, 1, 1), f"{LIVA}, art. 90 (before RDL 15/2020)"),
    BandRow("ES", "EBOOKS", "SUPER_REDUCED", date(2020, 4, 23),
            f"Real Decreto-ley 15/2020, art. 7; {LIVA}, art. 91.Dos.1.2º"),
    BandRow("ES", "FOOD_BASIC", "SUPER_REDUCED", date(1995, 1, 1), f"{LIVA}, art. 91.Dos.1.1º"),
    BandRow("ES", "FOOD", "REDUCED", date(1995, 1, 1), f"{LIVA}, art. 91.Uno.1.1º"),
    BandRow("ES", "CULTURAL_EVENT", "STANDARD", date(2012, 9, 1),
            "Real Decreto-ley 20/2012 (spectacles moved to the general rate)"),
    BandRow("ES", "CULTURAL_EVENT", "REDUCED", date(2017, 6, 29),
            f"Ley 3/2017 (PGE 2017); {LIVA}, art. 91.Uno.2.6º"),
    BandRow("ES", "PASSENGER_TRANSPORT", "REDUCED", date(1995, 1, 1), f"{LIVA}, art. 91.Uno.2.1º"),
    BandRow("ES", "ACCOMMODATION", "REDUCED", date(1995, 1, 1), f"{LIVA}, art. 91.Uno.2.2º"),
    BandRow("ES", "MEDICINES", "SUPER_REDUCED", date(1995, 1, 1), f"{LIVA}, art. 91.Dos.1.5º"),
    BandRow("PT", "BOOKS", "REDUCED", date(1986, 1, 1), f"{CIVA}, Lista I, verba 2.1"),
    BandRow("PT", "EBOOKS", "REDUCED", date(2021, 1, 1),
            f"{CIVA}, Lista I, verba 2.1 (electronic books; amending law to be re-checked)"),
    BandRow("PT", "FOOD_BASIC", "REDUCED", date(1986, 1, 1), f"{CIVA}, Lista I, verba 1"),
    BandRow("PT", "FOOD", "INTERMEDIATE", date(1986, 1, 1), f"{CIVA}, Lista II, verba 1"),
    BandRow("PT", "CULTURAL_EVENT", "INTERMEDIATE", date(1986, 1, 1), f"{CIVA}, Lista II"),
    BandRow("PT", "CULTURAL_EVENT", "REDUCED", date(2019, 1, 1),
            f"Lei 71/2018 (OE 2019); {CIVA}, Lista I, verba 2.6"),
    BandRow("PT", "PASSENGER_TRANSPORT", "REDUCED", date(1986, 1, 1),
            f"{CIVA}, Lista I, verba 2.14"),
    BandRow("PT", "ACCOMMODATION", "REDUCED", date(1986, 1, 1), f"{CIVA}, Lista I, verba 2.17"),
    BandRow("PT", "MEDICINES", "REDUCED", date(1986, 1, 1), f"{CIVA}, Lista I, verba 2.5"),
)


def group_of(territory: str) -> str | None:
    if territory == "ES":
        return "ES"
    if territory in ("PT", "PT-20", "PT-30"):
        return "PT"
    return None


def band_on(territory: str, tax_class: str, on: date) -> str:
    """The band ``tax_class`` falls in, in ``territory`` on ``on`` (``STANDARD`` if none)."""
    group = group_of(territory)
    band = "STANDARD"
    if group is None:
        return band
    best: date | None = None
    for row in BAND_ROWS:
        if row.group == group and row.tax_class == tax_class and row.effective_from <= on \
                and (best is None or row.effective_from > best):
            band, best = row.band, row.effective_from
    return band
