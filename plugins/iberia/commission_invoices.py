"""The platform's own invoices for its commission: a B2B service from the operator's company
(``RUTA_IBERIA_PLATFORM_NAME``, ``RUTA_IBERIA_PLATFORM_TAX_ID``, established in Spain) to
each vendor, one per vendor and calendar month, in their own gapless series ``C`` of the
platform's hash chain.

The base is the month's commission in the ledger (COMMISSION minus COMMISSION_REFUND; the
commission is taken on the vendor order's net by default, ``RUTA_COMMISSION_BASE``); VAT
is added on top where due:

* vendor in the Spanish VAT territory (mainland, Balearics): Spanish VAT at the standard
  rate (LIVA art. 69.Uno.1º: B2B services where the recipient is established; art. 90);
* vendor in Portugal (mainland, Azores, Madeira) with a valid VAT number: reverse charge,
  the vendor accounts for the VAT (Directive art. 44, 196; LIVA art. 69.Uno.1º; CIVA art.
  2.º n.º 1 i)); without one it is treated as not identified and Spanish VAT applies;
* vendor established in the Canary Islands, Ceuta or Melilla: not subject to Spanish VAT
  (LIVA art. 69.Uno.1º: the recipient is established outside the territory of application).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Runtime, commission_by_vendor, quantize, vendor_facts
from plugins.iberia import config
from plugins.iberia.core_reads import VendorParty, vendor_party
from plugins.iberia.invoice_content import PLATFORM, Draft, amount, finish, mentions
from plugins.iberia.invoice_texts import invoice_language
from plugins.iberia.invoices import _write
from plugins.iberia.rate_lookup import applied_rate
from plugins.iberia.tax_ids import eu_vat_number
from plugins.iberia.territories import territory_of

LABEL = {"es": "Comisión de intermediación", "pt": "Comissão de intermediação",
         "en": "Marketplace commission", "fr": "Commission d'intermédiation",
         "ar": "عمولة الوساطة", "ro": "Comision de intermediere", "uk": "Комісія майданчика"}


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
    return start, end


def treatment_for(vendor: VendorParty, on: datetime) -> tuple[Decimal, str]:
    place = territory_of(vendor.country, vendor.postal_code)
    if place is not None and place.country == "ES" and not place.in_eu_vat_area:
        return Decimal("0"), "OUTSIDE_SCOPE"
    if vendor.country != "ES" and eu_vat_number(vendor.tax_id, vendor.country):
        return Decimal("0"), "REVERSE_CHARGE"
    rate = applied_rate("ES", "STANDARD", on.date())
    assert rate is not None
    return rate.rate, "STANDARD"


def commission_draft(vendor_id: int, vendor: VendorParty, language_code: str | None,
                     commission: Decimal, year: int, month: int, issued_at: datetime
                     ) -> Draft:
    settings = config.current()
    rate, treatment = treatment_for(vendor, issued_at)
    language = invoice_language(language_code, vendor.country)
    tax = quantize(commission * rate)
    line = {"description": f"{LABEL.get(language, LABEL['en'])} {year}-{month:02d}",
            "quantity": 1, "rate": str(rate.normalize()), "treatment": treatment,
            "net": amount(commission), "tax": amount(tax), "gross": amount(commission + tax),
            "note": None}
    issuer = {"name": settings.platform_name, "tax_id": settings.platform_tax_id,
              "country": settings.platform_country,
              "address": {"postalCode": settings.platform_postal_code,
                          "country": settings.platform_country}}
    buyer = {"name": vendor.name, "tax_id": vendor.tax_id, "country": vendor.country,
             "address": {"postalCode": vendor.postal_code, "country": vendor.country}}
    content = finish({
        "kind": "INVOICE", "form": "COMPLETE", "language": language, "currency": "EUR",
        "issued_at": issued_at.replace(microsecond=0).isoformat(), "order_number": None,
        "vendor_order_id": None, "issuer": issuer, "buyer": buyer, "lines": [line],
        "period": f"{year}-{month:02d}",
        "mentions": mentions([line], language, False, settings.platform_country),
        "rectifies": None})
    return Draft(PLATFORM, vendor_id, "COMMISSION", content)


async def issue_commission_invoices(runtime: Runtime, year: int, month: int,
                                    issued_at: datetime | None = None) -> int:
    """One invoice per vendor with commission in the month (idempotent: ``source_key``
    ``commission:<vendor>:<yyyy-mm>``); returns how many were issued."""
    start, end = month_bounds(year, month)
    issued_at = issued_at or datetime.now(UTC)
    async with runtime.db.read() as session:
        totals = await commission_by_vendor(session, start, end)
        parties = {vendor_id: await vendor_party(session, vendor_id) for vendor_id in totals}
        languages = {vendor_id: await _language(session, vendor_id) for vendor_id in totals}
    issued = 0
    for vendor_id, commission in sorted(totals.items()):
        party = parties[vendor_id]
        if party is None or commission <= 0:
            continue
        draft = commission_draft(vendor_id, party, languages[vendor_id], commission, year,
                                 month, issued_at)
        row = await _write(runtime, draft, source_key=f"commission:{vendor_id}:{year}-"
                           f"{month:02d}", order_id=0, vendor_order_id=0, buyer_user_id=None,
                           issued_at=issued_at)
        issued += row is not None
    return issued


async def _language(session: AsyncSession, vendor_id: int) -> str | None:
    found = await vendor_facts(session, vendor_id)
    return found.language_code if found else None
