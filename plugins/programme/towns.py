"""Where postal codes of the programme area are: a small table of its towns.

Coordinates are the towns' centres (Wikipedia / OpenStreetMap, WGS84, rounded to 4
decimals). A postal code not in the table falls back to its Spanish province (first two
digits) or Portuguese district (first digit of the CP4), located at the capital.
"""

from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):
    name: str
    latitude: float
    longitude: float


#: (country, postal code) → town
TOWNS: dict[tuple[str, str], Place] = {
    ("ES", "21700"): Place("La Palma del Condado", 37.3861, -6.5533),
    ("ES", "21730"): Place("Almonte", 37.2647, -6.5167),
    ("ES", "21810"): Place("Palos de la Frontera", 37.2283, -6.8936),
    ("ES", "21440"): Place("Lepe", 37.2547, -7.2042),
    ("ES", "21001"): Place("Huelva", 37.2614, -6.9447),
    ("PT", "8000"): Place("Faro", 37.0194, -7.9304),
    ("PT", "8700"): Place("Olhão", 37.0260, -7.8411),
    ("PT", "8900"): Place("Vila Real de Santo António", 37.1946, -7.4157),
}

#: Spanish provinces (two digits) and Portuguese districts (first digit) of the area
REGIONS: dict[tuple[str, str], Place] = {
    ("ES", "21"): Place("Huelva (province)", 37.2614, -6.9447),
    ("ES", "41"): Place("Sevilla (province)", 37.3891, -5.9845),
    ("PT", "8"): Place("Faro (district)", 37.0194, -7.9304),
}


def locate(country: str, postal_code: str) -> Place | None:
    """The town of a postal code, else its province/district, else None."""
    country = country.upper()
    code = postal_code.strip().replace(" ", "")
    if country == "PT":
        cp4 = code.split("-")[0]
        return TOWNS.get(("PT", cp4)) or REGIONS.get(("PT", cp4[:1]))
    if country == "ES":
        return TOWNS.get(("ES", code)) or REGIONS.get(("ES", code[:2]))
    return None
