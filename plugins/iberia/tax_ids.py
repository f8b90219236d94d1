"""Tax numbers: Spanish NIF/NIE/CIF, Portuguese NIF and EU VAT numbers (python-stdnum).

Portuguese NIF: besides the mod-11 check digit (stdnum.pt.nif), the first digit(s) must
name a known kind of taxpayer (Portal das Finanças, "Número de Identificação Fiscal";
Decreto-Lei 14/2013, art. 2): 1-3 individuals, 45 non-resident individuals, 5 legal
persons, 6 public bodies, 70-72, 74-75, 77-79 other entities, 8 sole traders (legacy),
90-91 condominiums and undivided estates, 98 non-resident entities, 99 civil-law
partnerships. 999999990 is the generic "consumidor final" number and is never a party's id.
"""

from __future__ import annotations

from stdnum.es import nif as es_nif
from stdnum.eu import vat as eu_vat
from stdnum.pt import nif as pt_nif

from plugins.iberia.territories import EU_MEMBER_STATES

GENERIC_CONSUMER_NIF = "999999990"
PT_PREFIXES = ("1", "2", "3", "45", "5", "6", "70", "71", "72", "74", "75", "77", "78", "79",
               "8", "90", "91", "98", "99")


def compact(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


def vat_prefix(country: str) -> str:
    return "EL" if country == "GR" else country


def is_generic_consumer(value: str) -> bool:
    number = compact(value)
    return number.removeprefix("PT") == GENERIC_CONSUMER_NIF


def valid_pt_nif(value: str) -> bool:
    number = compact(value)
    return (pt_nif.is_valid(number) and number.startswith(PT_PREFIXES)
            and number != GENERIC_CONSUMER_NIF)


def valid_national(country: str, value: str) -> bool:
    """A valid national tax number of ``country`` (ES: NIF/NIE/CIF; PT: NIF)."""
    number = compact(value)
    if country == "ES":
        return bool(es_nif.is_valid(number.removeprefix("ES")))
    if country == "PT":
        return valid_pt_nif(number.removeprefix("PT"))
    return False


def eu_vat_number(value: str, country: str | None = None) -> str | None:
    """The number in VAT format with its prefix if it is a valid EU VAT number, else None.
    Without a prefix, ``country`` (the buyer's) supplies it."""
    number = compact(value)
    if number[:2].isalpha():
        prefixed = number
    elif country:
        prefixed = vat_prefix(country) + number
    else:
        return None
    prefix = prefixed[:2]
    member = "GR" if prefix == "EL" else prefix
    if member not in EU_MEMBER_STATES or not eu_vat.is_valid(prefixed):
        return None
    if prefix == "PT" and not valid_pt_nif(prefixed[2:]):
        return None
    return prefixed


def valid_vendor_tax_id(country: str, value: str) -> bool:
    """The vendor's own country's national number (or its VAT form); else a valid tax
    number of another member state (a vendor identified by its home-state number, e.g. a
    Spanish company selling from a Portuguese establishment)."""
    if valid_national(country, value):
        return True
    return any(valid_national(other, value) for other in ("ES", "PT")) or \
        eu_vat_number(value) is not None
