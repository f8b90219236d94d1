"""Complete or simplified invoice, by the issuer's country.

Which country's invoicing rules apply: those of the member state where the supply takes
place, except under reverse charge or the special schemes (OSS), where the issuer's own
member state's rules apply (VAT Directive 2006/112/EC art. 219a). The plugin applies the
issuer's establishment rules, which covers both for vendors established in ES or PT.

- **Spain**: a simplified invoice (*factura simplificada*) is allowed up to 400 EUR VAT
  included (Real Decreto 1619/2012, Reglamento de facturación, art. 4.1), never for
  intra-Community supplies of goods nor when the customer is liable for the tax (art. 4.3);
  a business customer may always require a complete invoice (art. 2.2 and 7.2).
- **Portugal**: a simplified invoice (*fatura simplificada*) is allowed for non-taxable
  customers only, up to 1 000 EUR for goods sold by retailers and up to 100 EUR for other
  supplies (Código do IVA art. 40.º n.º 1 a) and b)).
- Anywhere else: a complete invoice (art. 226 of the Directive).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

COMPLETE = "COMPLETE"
SIMPLIFIED = "SIMPLIFIED"

ES_LIMIT = Decimal("400.00")
PT_GOODS_LIMIT = Decimal("1000.00")
PT_OTHER_LIMIT = Decimal("100.00")
_B2B = ("REVERSE_CHARGE", "INTRA_EU_EXEMPT")


def invoice_form(issuer_country: str, gross: Decimal, *, buyer_is_business: bool,
                 treatments: Iterable[str], goods_only: bool) -> str:
    if buyer_is_business or any(t in _B2B for t in treatments):
        return COMPLETE
    if issuer_country == "ES" and gross <= ES_LIMIT:
        return SIMPLIFIED
    if issuer_country == "PT" and gross <= (PT_GOODS_LIMIT if goods_only else PT_OTHER_LIMIT):
        return SIMPLIFIED
    return COMPLETE
