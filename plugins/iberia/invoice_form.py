"""Complete or simplified invoice, by the issuer's country.

Which country's invoicing rules apply: those of the member state where the supply takes
place, except under reverse charge or the special schemes (OSS), where the issuer's own
member state's rules apply (VAT Directive 2006/112/EC art. 219a). The plugin applies the
issuer's establishment rules, which covers both for vendors established in ES or PT.

- **A complete invoice whatever the amount** (both countries): intra-Community supplies of
  goods and distance sales of goods (Directive art. 220a(2) with art. 220(1)(2)-(3): no
  simplified invoice for them), supplies where the customer is liable for the tax
  (reverse charge), and any supply taxed in another member state (through OSS or a local
  registration). Spain: Real Decreto 1619/2012 (Reglamento de facturación) art. 4.3;
  Portugal: CIVA art. 40.º n.º 1 covers only operations taxed in Portugal and RITI art. 35.º
  asks a complete invoice for intra-Community supplies. A business customer with a VAT
  number may always require a complete invoice (RD 1619/2012 art. 2.2 and 7.2; CIVA
  art. 40.º n.º 2 gives its NIF): the plugin issues one whenever a VAT number was given.
- **Spain**, otherwise: simplified up to 400 EUR VAT included (RD 1619/2012 art. 4.1 a)),
  and up to 3 000 EUR for retail sales of goods (art. 4.1 c) 1º "ventas al por menor").
  A simplified invoice carries: number and series, date, issuer's name and NIF, the
  goods/services, the rate (or "IVA incluido") and the total (art. 7.1).
- **Portugal**, otherwise: simplified for consumers up to 1 000 EUR for goods sold by
  retailers and up to 100 EUR for other supplies (CIVA art. 40.º n.º 1 a) and b)); it
  carries the issuer's name and NIF, the buyer's NIF when given, the goods/services, the
  price, the rate and the VAT (art. 40.º n.º 2).
- Anywhere else: a complete invoice (art. 226 of the Directive).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

COMPLETE = "COMPLETE"
SIMPLIFIED = "SIMPLIFIED"

ES_LIMIT = Decimal("400.00")
ES_RETAIL_LIMIT = Decimal("3000.00")
PT_GOODS_LIMIT = Decimal("1000.00")
PT_OTHER_LIMIT = Decimal("100.00")
_B2B = ("REVERSE_CHARGE", "INTRA_EU_EXEMPT")


def invoice_form(issuer_country: str, gross: Decimal, *, buyer_is_business: bool,
                 treatments: Iterable[str], goods_only: bool,
                 taxed_elsewhere: bool = False) -> str:
    """``taxed_elsewhere``: a line is taxed in another member state than the issuer's
    (a distance sale or e-service at destination)."""
    if buyer_is_business or taxed_elsewhere or any(t in _B2B for t in treatments):
        return COMPLETE
    if issuer_country == "ES" and gross <= (ES_RETAIL_LIMIT if goods_only else ES_LIMIT):
        return SIMPLIFIED
    if issuer_country == "PT" and gross <= (PT_GOODS_LIMIT if goods_only else PT_OTHER_LIMIT):
        return SIMPLIFIED
    return COMPLETE
