"""The two validation hooks' rules: the vendor's tax number and the buyer's VAT number."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from engine.plugins.api import ValidationError
from plugins.iberia.messages import language_for, message
from plugins.iberia.tax_ids import eu_vat_number, is_generic_consumer, valid_vendor_tax_id
from plugins.iberia.vies import INVALID, ViesClient


def check_vendor(data: dict[str, Any]) -> None:
    """Refuse an invalid tax number (code INVALID_TAX_ID) in the vendor's language."""
    tax_id, country = data.get("tax_id"), data.get("country")
    if not tax_id or country not in ("ES", "PT"):
        return
    language = language_for(data.get("language_code"), country)
    if is_generic_consumer(tax_id):
        raise ValidationError("taxId", "INVALID_TAX_ID",
                              message("GENERIC_CONSUMER_NIF", language))
    if not valid_vendor_tax_id(country, tax_id):
        raise ValidationError("taxId", "INVALID_TAX_ID",
                              message("INVALID_TAX_ID", language, country=country))


def check_vat_id(vat_id: str | None, country: str | None, vies: ViesClient,
                 now: datetime | None = None) -> dict[str, Any]:
    """Format and checksum first (INVALID_VAT_ID), then VIES. Returns the checkout's
    ``plugin_data`` entry; status VALID, or UNAVAILABLE when VIES could not answer (the
    number is kept, unconfirmed, and VAT is charged as to a consumer)."""
    if vat_id is None:
        return {"iberia_vat": None}
    language = language_for(None, country)
    number = eu_vat_number(vat_id, country)
    if number is None or is_generic_consumer(number):
        raise ValidationError("vatId", "INVALID_VAT_ID", message("INVALID_VAT_ID", language))
    result = vies.check(number)
    if result.status == INVALID:
        raise ValidationError("vatId", "INVALID_VAT_ID",
                              message("VAT_ID_NOT_REGISTERED", language))
    checked = (now or datetime.now(UTC)).isoformat()
    return {"iberia_vat": {"vat_id": vat_id, "number": number, "status": result.status,
                           "name": result.name, "consultation": result.consultation,
                           "checked_at": checked}}
