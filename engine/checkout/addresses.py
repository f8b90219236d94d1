"""Postal addresses: cleaned into plain dicts (stored as JSON, snapshotted on orders)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.errors import Collector
from engine.input_rules import clean_text
from engine.postal_codes import clean_postal_code


@dataclass
class AddressData:
    first_name: str | None = None
    last_name: str | None = None
    company_name: str | None = None
    street_address_1: str | None = None
    street_address_2: str | None = None
    city: str | None = None
    postal_code: str | None = None
    country: str | None = None
    country_area: str | None = None
    phone: str | None = None


def clean_address(errors: Collector, prefix: str, data: AddressData,
                  supported_countries: tuple[str, ...]) -> dict[str, Any]:
    """Validate an address; errors are reported as ``<prefix>.<field>``."""
    def text(field: str, value: str | None, max_length: int, required: bool) -> str | None:
        return clean_text(errors, f"{prefix}.{field}", value, max_length=max_length,
                          required=required)

    cleaned = {
        "firstName": text("firstName", data.first_name, 100, True),
        "lastName": text("lastName", data.last_name, 100, True),
        "companyName": text("companyName", data.company_name, 200, False) or "",
        "streetAddress1": text("streetAddress1", data.street_address_1, 200, True),
        "streetAddress2": text("streetAddress2", data.street_address_2, 200, False) or "",
        "city": text("city", data.city, 100, True),
        "postalCode": clean_postal_code(errors, f"{prefix}.postalCode", data.postal_code,
                                        data.country),
        "country": data.country,
        "countryArea": text("countryArea", data.country_area, 100, False) or "",
        "phone": text("phone", data.phone, 32, False) or "",
    }
    if data.country not in supported_countries:
        errors.add(f"{prefix}.country", "UNSUPPORTED_COUNTRY",
                   f"We deliver to {', '.join(supported_countries)} only.")
    return cleaned
