"""VAT rates as data: one row per (territory, band) and date it took effect.

A rate change is a new row; ``rate_on`` replays history by date (the row with the latest
``effective_from`` on or before the date). Each row cites where it comes from.

Bands: ``STANDARD``, ``INTERMEDIATE`` (PT "taxa intermédia"), ``REDUCED``, ``SUPER_REDUCED``
(ES "tipo superreducido"); a key ``CLASS:<code>`` is a rate set for one tax class that
overrides the class's band (temporary Spanish food rates, e-book rates of other member
states). Rates for other member states: only the standard and e-book rates are tabulated
(destination taxation of distance sales and e-services); other classes there fall back to
the standard rate (documented limitation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

TEDB = ("European Commission, Taxes in Europe Database / 'VAT rates applied in the Member "
        "States of the EU' (situation at 1 January 2025)")
TEDB_CHECK = TEDB + "; history before this date not recorded here — re-check on TEDB"
LIVA_90 = "Ley 37/1992 del IVA, art. 90.Uno (AEAT, 'Tipos impositivos en el IVA')"
LIVA_91_1 = "Ley 37/1992 del IVA, art. 91.Uno (AEAT, 'Tipos impositivos en el IVA')"
LIVA_91_2 = "Ley 37/1992 del IVA, art. 91.Dos (AEAT, 'Tipos impositivos en el IVA')"
CIVA_18 = "Código do IVA, art. 18.º n.º 1 (Portal das Finanças, 'Taxas de IVA')"
AT_OFICIO = "AT, Ofício Circulado n.º 25045/2024 (taxas das Regiões Autónomas)"


@dataclass(frozen=True)
class RateRow:
    territory: str
    key: str
    rate: Decimal
    effective_from: date
    source: str


def _row(territory: str, key: str, percent: str, since: date, source: str) -> RateRow:
    rate = Decimal(percent) / 100
    cents = rate.quantize(Decimal("0.01"))
    if rate == 0:
        return RateRow(territory, key, Decimal("0"), since, source)
    return RateRow(territory, key, cents if cents == rate else rate, since, source)


IBERIAN_ROWS: tuple[RateRow, ...] = (
    # Spain, mainland and Balearics
    _row("ES", "STANDARD", "18", date(2010, 7, 1), "Ley 26/2009, art. 79 (" + LIVA_90 + ")"),
    _row("ES", "STANDARD", "21", date(2012, 9, 1), "Real Decreto-ley 20/2012, art. 23; "
         + LIVA_90),
    _row("ES", "REDUCED", "8", date(2010, 7, 1), "Ley 26/2009, art. 79; " + LIVA_91_1),
    _row("ES", "REDUCED", "10", date(2012, 9, 1), "Real Decreto-ley 20/2012, art. 23; "
         + LIVA_91_1),
    _row("ES", "SUPER_REDUCED", "4", date(1995, 1, 1), "Ley 41/1994; " + LIVA_91_2),
    _row("ES", "CLASS:FOOD_BASIC", "0", date(2023, 1, 1),
         "Real Decreto-ley 20/2022, art. 72 (temporary 0 % on basic foods)"),
    _row("ES", "CLASS:FOOD_BASIC", "2", date(2024, 10, 1),
         "Real Decreto-ley 4/2024, art. 1 (2 % from 1 Oct to 31 Dec 2024)"),
    _row("ES", "CLASS:FOOD_BASIC", "4", date(2025, 1, 1),
         "Real Decreto-ley 4/2024 (end of the temporary rates); " + LIVA_91_2 + ".1.1º"),
    # Portugal, mainland
    _row("PT", "STANDARD", "21", date(2010, 7, 1), "Lei 12-A/2010; " + CIVA_18 + " c)"),
    _row("PT", "STANDARD", "23", date(2011, 1, 1), "Lei 55-A/2010 (OE 2011); "
         + CIVA_18 + " c)"),
    _row("PT", "INTERMEDIATE", "13", date(2010, 7, 1), "Lei 12-A/2010; " + CIVA_18
         + " b) (Lista II)"),
    _row("PT", "REDUCED", "6", date(2010, 7, 1), "Lei 12-A/2010; " + CIVA_18 + " a) (Lista I)"),
    # Azores (PT-20)
    _row("PT-20", "STANDARD", "18", date(2015, 7, 1), "Lei 63-A/2015, art. 2"),
    _row("PT-20", "STANDARD", "16", date(2021, 7, 1),
         "Decreto Legislativo Regional 15-A/2021/A (effective 1 Jul 2021); " + AT_OFICIO),
    _row("PT-20", "INTERMEDIATE", "9", date(2015, 7, 1), "Lei 63-A/2015, art. 2; " + AT_OFICIO),
    _row("PT-20", "REDUCED", "4", date(2015, 7, 1), "Lei 63-A/2015, art. 2; " + AT_OFICIO),
    # Madeira (PT-30)
    _row("PT-30", "STANDARD", "22", date(2012, 4, 1), "Lei 14-A/2012 (from 1 Apr 2012); "
         + AT_OFICIO),
    _row("PT-30", "INTERMEDIATE", "12", date(2012, 4, 1), "Lei 14-A/2012; " + AT_OFICIO),
    _row("PT-30", "REDUCED", "5", date(2012, 4, 1), "Lei 14-A/2012; " + AT_OFICIO),
    _row("PT-30", "REDUCED", "4", date(2024, 10, 1),
         "Orçamento da Região Autónoma da Madeira 2024 (taxa reduzida 4 % from 1 Oct 2024); "
         + AT_OFICIO),
)

#: (member state, standard %, e-book %) as listed by the Commission on 1 January 2025.
_EU_2025 = (
    ("AT", "20", "10"), ("BE", "21", "6"), ("BG", "20", "9"), ("HR", "25", "5"),
    ("CY", "19", "5"), ("CZ", "21", "0"), ("DK", "25", "25"), ("EE", "22", "13"),
    ("FI", "25.5", "14"), ("FR", "20", "5.5"), ("DE", "19", "7"), ("GR", "24", "6"),
    ("HU", "27", "5"), ("IE", "23", "0"), ("IT", "22", "4"), ("LV", "21", "12"),
    ("LT", "21", "9"), ("LU", "17", "3"), ("MT", "18", "5"), ("NL", "21", "9"),
    ("PL", "23", "5"), ("RO", "19", "5"), ("SK", "23", "5"), ("SI", "22", "5"),
    ("SE", "25", "6"),
)

EU_ROWS: tuple[RateRow, ...] = (
    *(_row(c, "STANDARD", std, date(2025, 1, 1), TEDB_CHECK) for c, std, _ in _EU_2025),
    *(_row(c, "CLASS:EBOOKS", ebook, date(2025, 1, 1), TEDB_CHECK) for c, _, ebook in _EU_2025),
    # changes around the listing date whose dates are known
    _row("FI", "STANDARD", "24", date(2013, 1, 1), "Finland, VAT Act 1501/1993 s. 84 (24 %)"),
    _row("FI", "STANDARD", "25.5", date(2024, 9, 1), "Finland, Act 461/2024 (25.5 % from "
         "1 Sep 2024); " + TEDB),
    _row("SK", "STANDARD", "20", date(2011, 1, 1), "Slovakia, Act 222/2004 s. 27 (20 %)"),
    _row("EE", "STANDARD", "24", date(2025, 7, 1), "Estonia, VAT Act § 15 as amended "
         "(24 % from 1 Jul 2025); " + TEDB),
    _row("RO", "STANDARD", "21", date(2025, 8, 1), "Romania, Law 141/2025 (21 % from "
         "1 Aug 2025)"),
    _row("LU", "STANDARD", "16", date(2023, 1, 1), "Luxembourg, law of 26 Oct 2022 "
         "(temporary 16 % in 2023)"),
    _row("DE", "STANDARD", "16", date(2020, 7, 1), "Germany, Zweites Corona-Steuerhilfegesetz "
         "(16 % from 1 Jul to 31 Dec 2020)"),
    _row("DE", "STANDARD", "19", date(2021, 1, 1), "Germany, UStG § 12(1) (19 % again from "
         "1 Jan 2021)"),
    _row("LU", "STANDARD", "17", date(2024, 1, 1), "Luxembourg, LTVA art. 39 (17 % again "
         "from 1 Jan 2024)"),
)

RATE_ROWS: tuple[RateRow, ...] = IBERIAN_ROWS + EU_ROWS


def _index(rows: tuple[RateRow, ...]) -> dict[tuple[str, str], list[RateRow]]:
    index: dict[tuple[str, str], list[RateRow]] = {}
    for row in rows:
        index.setdefault((row.territory, row.key), []).append(row)
    for found in index.values():
        found.sort(key=lambda r: r.effective_from)
    return index


_BY_KEY = _index(RATE_ROWS)

def rate_on(territory: str, key: str, on: date, *, strict: bool = False) -> RateRow | None:
    """The row in force on ``on``; before the first recorded row, that first row (the
    earliest rate we know), or None with ``strict``. None when nothing is tabulated."""
    rows = _BY_KEY.get((territory, key))
    if not rows:
        return None
    current = None
    for row in rows:
        if row.effective_from <= on:
            current = row
    if current is None and not strict:
        return rows[0]
    return current


def rows_for(territory: str) -> list[RateRow]:
    return sorted((r for rows in _BY_KEY.values() for r in rows if r.territory == territory),
                  key=lambda r: (r.key, r.effective_from))
