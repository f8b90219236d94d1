"""Place of supply and treatment of one line: a pure function of the line, the vendor's
facts, the plugin's settings and today's date.

The rules (VAT Directive 2006/112/EC; Ley 37/1992 del IVA; Código do IVA / RITI):

* goods (art. 32-33, 138, 146): dispatched outside the EU VAT area (incl. Canaries, Ceuta,
  Melilla) → EXPORT_EXEMPT; to a business with a VIES-valid number in another member
  state → INTRA_EU_EXEMPT; to a consumer in another member state → origin VAT while the
  vendor's cross-border B2C sales stay within €10,000 (this year and last), destination
  VAT from the sale that crosses it or with the OSS opt-in.
* electronically supplied services (art. 44, 58, 59c, 196): business in another member
  state → REVERSE_CHARGE; consumer → threshold rule as above (or destination when the
  platform is the deemed supplier); outside the EU VAT area → OUTSIDE_SCOPE (not VAT; IGIC
  and IPSI are not charged by this plugin).
* general services such as advice and mentoring (art. 44, 45, 59(c)): business in another
  member state → REVERSE_CHARGE; consumer in the EU → the supplier's VAT; consumer outside
  the EU VAT area → OUTSIDE_SCOPE.
* admission to an in-person event (art. 53, 54(1)): VAT where it takes place.
* live virtual events: consumers by :data:`plugins.iberia.supply.LIVE_VIRTUAL_RULES`
  (data, by country and date); businesses as general services.
* the vendor's education exemption (art. 132(1)(i)-(j); LIVA art. 20.Uno.9º; CIVA art. 9.º
  9)-10)) exempts its COURSE and SERVICE lines taxed in the EU while its evidence is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from engine.plugins.api import PricingLine, TaxDecision
from plugins.iberia.config import IberiaConfig
from plugins.iberia.facts import EU_THRESHOLD, VendorFacts, confirmation_on, facts_on
from plugins.iberia.rate_lookup import applied_rate
from plugins.iberia.supply import (
    ESS,
    EVENT_ADMISSION,
    GENERAL,
    GOODS,
    LIVE_VIRTUAL,
    category_of,
    live_virtual_rule,
)
from plugins.iberia.territories import OUTSIDE_VAT_AREA, Territory, territory_of

EXEMPT_KINDS = ("COURSE", "SERVICE")
ZERO = Decimal("0")


@dataclass(frozen=True)
class Sale:
    """The facts of one line the rules look at."""

    line: PricingLine
    supplier: Territory
    buyer: Territory
    business: bool
    unconfirmed_vat_id: bool
    category: str
    on: date
    today: date
    facts: VendorFacts
    deemed_supplier: bool

    @property
    def cross_border(self) -> bool:
        return self.buyer.country != self.supplier.country


def vat_status(line: PricingLine) -> str | None:
    """What ``ruta_vat_id_validate`` recorded for the line's VAT number (if it matches);
    UNAVAILABLE becomes CONFIRMED when an operator recorded a manual confirmation of the
    number (:mod:`plugins.iberia.vies_manual`)."""
    found = line.plugin_data.get("iberia_vat")
    if not line.buyer_vat_id or not isinstance(found, dict):
        return None
    if found.get("vat_id") != line.buyer_vat_id:
        return None
    status = found.get("status")
    confirmed = confirmation_on(line.vendor_facts)
    if status == "UNAVAILABLE" and confirmed and confirmed.vat_id == found.get("number"):
        return "CONFIRMED"
    return str(status) if status else None


def _confirmation_note(line: PricingLine) -> str:
    confirmed = confirmation_on(line.vendor_facts)
    assert confirmed is not None
    return (f" VAT number {confirmed.vat_id} confirmed manually while VIES was unavailable "
            f"(reference {confirmed.reference}, {confirmed.consulted_on.isoformat()}).")


def _taxed(sale: Sale, territory: str, basis: str) -> TaxDecision:
    applied = applied_rate(territory, sale.line.tax_class, sale.on)
    if applied is None:
        return _zero("OUTSIDE_SCOPE", territory, "Place of supply outside the EU VAT area.")
    note = f"{basis} Rate: {applied.source}."
    if sale.unconfirmed_vat_id:
        note += (f" VAT number {sale.line.buyer_vat_id} not confirmed (VIES unavailable): "
                 "VAT charged as to a consumer.")
    return TaxDecision(rate=applied.rate, treatment=applied.treatment, territory=territory,
                       legal_note=note)


def _zero(treatment: str, territory: str, note: str) -> TaxDecision:
    return TaxDecision(rate=ZERO, treatment=treatment, territory=territory, legal_note=note)


def _net(sale: Sale) -> Decimal:
    amount = sale.line.unit_price * sale.line.quantity
    if not sale.line.prices_include_tax:
        return amount
    origin = applied_rate(sale.supplier.code, sale.line.tax_class, sale.on)
    return amount / (1 + origin.rate) if origin else amount


def destination_applies(sale: Sale) -> bool:
    """Art. 59c: origin VAT only while this year's and last year's cross-border B2C sales
    do not exceed €10,000; the sale that crosses the threshold is taxed at destination."""
    facts = sale.facts
    if facts.oss_opt_in:
        return True
    year = sale.today.year
    current = facts.sales_in(year)
    return facts.sales_in(year - 1) > EU_THRESHOLD or current + _net(sale) > EU_THRESHOLD


def _consumer_in_other_state(sale: Sale, what: str) -> TaxDecision:
    if sale.deemed_supplier:
        return _taxed(sale, sale.buyer.code, f"{what}: the platform is the deemed supplier "
                      "(Implementing Regulation 282/2011 art. 9a); VAT of the customer's "
                      "member state (art. 58), declared through OSS.")
    if destination_applies(sale):
        oss = "declared through OSS" if sale.facts.oss_registered else \
            "the vendor must declare it (OSS or local registration)"
        return _taxed(sale, sale.buyer.code, f"{what} to a consumer in another member state "
                      f"above the €10,000 threshold or opted in (art. 59c): VAT of the "
                      f"customer's member state, {oss}.")
    return _taxed(sale, sale.supplier.code, f"{what} to a consumer in another member state "
                  "within the €10,000 threshold (art. 59c): VAT of the supplier's member state.")


def _goods(sale: Sale) -> TaxDecision:
    if not sale.buyer.in_eu_vat_area:
        return _zero("EXPORT_EXEMPT", sale.buyer.code,
                     "Exempt export: goods dispatched outside the EU VAT area (Directive "
                     "2006/112/EC art. 146; Ley 37/1992 art. 21; CIVA art. 14.º).")
    if not sale.cross_border:
        return _taxed(sale, sale.supplier.code, "Domestic supply of goods (art. 32).")
    if sale.business:
        return _zero("INTRA_EU_EXEMPT", sale.buyer.country,
                     "Exempt intra-Community supply (Directive 2006/112/EC art. 138; Ley 37/1992 "
                     "art. 25; RITI art. 14.º); the customer accounts for the VAT.")
    return _consumer_in_other_state(sale, "Distance sale of goods (art. 33)")


def _reverse_charge(sale: Sale, basis: str) -> TaxDecision:
    return _zero("REVERSE_CHARGE", sale.buyer.country,
                 f"Reverse charge: the customer accounts for the VAT ({basis}; art. 196 "
                 "Directive 2006/112/EC; Ley 37/1992 art. 84.Uno.2º; CIVA art. 6.º n.º 6 a)).")


def _outside(sale: Sale, basis: str) -> TaxDecision:
    return _zero("OUTSIDE_SCOPE", sale.buyer.code,
                 f"Not subject to EU VAT: place of supply outside the EU VAT area ({basis}).")


def _business_service(sale: Sale) -> TaxDecision:
    if not sale.buyer.in_eu_vat_area:
        return _outside(sale, "art. 44")
    if sale.cross_border:
        return _reverse_charge(sale, "art. 44")
    return _taxed(sale, sale.buyer.code, "Service to a business in the same member state "
                  "(art. 44).")


def _ess(sale: Sale) -> TaxDecision:
    if sale.business:
        return _business_service(sale)
    if not sale.buyer.in_eu_vat_area:
        return _outside(sale, "art. 58; Ley 37/1992 art. 70.Uno.4º (the consumer's "
                        "residence; not among the services of art. 69.Dos since Ley 28/2014); "
                        "CIVA art. 6.º n.º 12")
    if not sale.cross_border:
        return _taxed(sale, sale.buyer.code, "Electronically supplied service taxed where "
                      "the consumer is (art. 58).")
    return _consumer_in_other_state(sale, "Electronically supplied service")


def _general(sale: Sale) -> TaxDecision:
    if sale.business:
        return _business_service(sale)
    listed = sale.line.product_attributes.get("service_type", "ADVICE") != "OTHER"
    if not sale.buyer.in_eu_vat_area and listed:
        if sale.supplier.country == "ES" and sale.buyer.code in OUTSIDE_VAT_AREA:
            return _taxed(sale, sale.supplier.code, "Advice to a consumer in the Canary "
                          "Islands, Ceuta or Melilla by a supplier established in Spain: "
                          "Spanish VAT (Ley 37/1992 art. 69.Uno.2º; the exception of art. "
                          "69.Dos.d) excludes these consumers: 'salvo ... Canarias, Ceuta o "
                          "Melilla').")
        return _outside(sale, "art. 59(c); Ley 37/1992 art. 69.Dos.d); CIVA art. 6.º n.º 9 "
                        "c): advice to a consumer outside the EU")
    return _taxed(sale, sale.supplier.code, "Service to a consumer taxed where the supplier "
                  "is established (art. 45; Ley 37/1992 art. 69.Uno.2º; CIVA art. 6.º n.º "
                  "6 b)).")


def _event(sale: Sale) -> TaxDecision:
    attrs = sale.line.product_attributes
    country = attrs.get("location_country")
    place = territory_of(str(country), str(attrs.get("location_postal_code") or "")) \
        if country else sale.supplier
    assert place is not None
    if not place.in_eu_vat_area:
        return _zero("OUTSIDE_SCOPE", place.code, "Admission to an event held outside the EU "
                     "VAT area (art. 53 / 54(1)).")
    return _taxed(sale, place.code, "Admission to an event, taxed where it takes place "
                  "(art. 53 / 54(1); Ley 37/1992 art. 70.Uno.3º; CIVA art. 6.º n.º 8).")


def _live_virtual(sale: Sale) -> TaxDecision:
    if sale.business:
        return _business_service(sale)
    rule = live_virtual_rule(sale.supplier.country, sale.on)
    settled = "" if rule.settled else " Unsettled law: configured choice."
    if rule.place == "SUPPLIER":
        return _taxed(sale, sale.supplier.code, f"Live virtual event: {rule.source}.{settled}")
    if not sale.buyer.in_eu_vat_area:
        return _outside(sale, rule.source)
    return _taxed(sale, sale.buyer.code, f"Live virtual event taxed where the consumer is: "
                  f"{rule.source}.")


_RULES = {GOODS: _goods, ESS: _ess, GENERAL: _general, EVENT_ADMISSION: _event,
          LIVE_VIRTUAL: _live_virtual}


def _exempt(sale: Sale, decision: TaxDecision) -> TaxDecision:
    exemption = sale.facts.exemption
    if exemption is None or not exemption.covers(sale.on) or \
            sale.line.product_kind not in EXEMPT_KINDS or decision.rate == 0:
        return decision
    return _zero("EXEMPT", decision.territory or sale.supplier.code,
                 "Exempt education / vocational training (Directive 2006/112/EC art. 132(1)(i)-"
                 "(j); Ley 37/1992 art. 20.Uno.9º; CIVA art. 9.º 9)-10)). Evidence: "
                 f"{exemption.evidence}.")


def decide(line: PricingLine, config: IberiaConfig, today: date) -> TaxDecision | None:
    """The decision for a line sold by a vendor in Spain or Portugal; None otherwise (the
    vendor's facts come with the line: ``PricingLine.vendor_facts``)."""
    vendor = territory_of(line.vendor_country, line.vendor_postal_code)
    if vendor is None or not vendor.is_iberian:
        return None
    if not vendor.in_eu_vat_area:
        return _zero("OUTSIDE_SCOPE", vendor.code,
                     "Supplier established outside the EU VAT area (Canary Islands, Ceuta or "
                     "Melilla: Directive 2006/112/EC art. 6); IGIC / IPSI are not computed.")
    category = category_of(line.product_kind, line.product_attributes)
    deemed = config.deemed_supplier and category == ESS
    supplier = territory_of(config.platform_country, config.platform_postal_code) \
        if deemed else vendor
    assert supplier is not None
    buyer = territory_of(line.buyer_country, line.buyer_postal_code) or supplier
    status = vat_status(line)
    sale = Sale(line=line, supplier=supplier, buyer=buyer,
                business=status in ("VALID", "CONFIRMED"),
                unconfirmed_vat_id=status == "UNAVAILABLE", category=category,
                on=line.starts_at.date() if line.starts_at else today, today=today,
                facts=facts_on(line.vendor_facts), deemed_supplier=deemed)
    decision = _exempt(sale, _RULES[category](sale))
    if status == "CONFIRMED":
        decision = replace(decision, legal_note=f"{decision.legal_note}"
                           f"{_confirmation_note(line)}")
    return decision
