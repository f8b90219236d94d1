"""Tax territory of a party from its country and postal code (pure functions).

Sources for the postal-code ranges:

* Spain: the first two digits of a *código postal* are the province (INE province code):
  35 Las Palmas and 38 Santa Cruz de Tenerife (Canary Islands), 51 Ceuta, 52 Melilla.
  Correos, "Códigos postales"; INE, "Relación de provincias".
* Portugal: CTT postal regions; 9000-9495 is Madeira (Funchal 9000, Porto Santo 9400),
  9500-9995 the Azores (Ponta Delgada 9500, Horta 9900, Santa Cruz das Flores 9970).
  CTT "Código Postal"; https://utils.antoniocampos.net/codigopostal/ (region table).
  (The 90xx-93xx range sometimes quoted for Madeira misses Porto Santo, 9400.)

Territories outside the EU VAT area (Directive 2006/112/EC, art. 6(1)(b) and 6(2)(b)):
the Canary Islands, Ceuta and Melilla. The Azores and Madeira are inside it with their own
rates (CIVA art. 18(3)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: EU member states (ISO 3166-1 alpha-2; Greece's VAT prefix is EL, its country code GR).
EU_MEMBER_STATES = frozenset((
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
))

ES = "ES"                # Spain: mainland and Balearic Islands
ES_CANARIES = "ES-CN"    # ISO 3166-2 codes for the special territories
ES_CEUTA = "ES-CE"
ES_MELILLA = "ES-ML"
PT = "PT"                # Portugal: mainland
PT_AZORES = "PT-20"
PT_MADEIRA = "PT-30"
OUTSIDE_EU = "NON-EU"

#: Parts of member states outside the EU VAT area (art. 6 of the VAT Directive).
OUTSIDE_VAT_AREA = frozenset((ES_CANARIES, ES_CEUTA, ES_MELILLA))

_ES_POSTAL = re.compile(r"^(\d{2})\d{3}$")
_PT_POSTAL = re.compile(r"^(\d{4})(-?\d{3})?$")


@dataclass(frozen=True)
class Territory:
    """Where a party is, for VAT: ``code`` is ES, ES-CN, PT-20, FR, NON-EU..."""

    code: str
    country: str

    @property
    def in_eu_vat_area(self) -> bool:
        return self.country in EU_MEMBER_STATES and self.code not in OUTSIDE_VAT_AREA

    @property
    def is_iberian(self) -> bool:
        return self.country in ("ES", "PT")


def _compact(postal_code: str | None) -> str:
    return (postal_code or "").replace(" ", "").upper()


def spanish_territory(postal_code: str | None) -> str:
    match = _ES_POSTAL.match(_compact(postal_code))
    province = match.group(1) if match else ""
    return {"35": ES_CANARIES, "38": ES_CANARIES, "51": ES_CEUTA,
            "52": ES_MELILLA}.get(province, ES)


def portuguese_territory(postal_code: str | None) -> str:
    match = _PT_POSTAL.match(_compact(postal_code))
    if match is None:
        return PT
    number = int(match.group(1))
    if 9000 <= number <= 9499:
        return PT_MADEIRA
    if 9500 <= number <= 9999:
        return PT_AZORES
    return PT


def territory_of(country: str | None, postal_code: str | None = None) -> Territory | None:
    """The tax territory of ``country`` (+ postal code for ES and PT); None when unknown.

    A malformed or missing Spanish/Portuguese postal code gives the mainland territory: the
    special territories are only ever chosen on positive evidence.
    """
    if not country:
        return None
    country = country.upper()
    if country == "ES":
        return Territory(spanish_territory(postal_code), "ES")
    if country == "PT":
        return Territory(portuguese_territory(postal_code), "PT")
    if country in EU_MEMBER_STATES:
        return Territory(country, country)
    return Territory(OUTSIDE_EU, country)
