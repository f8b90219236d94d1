"""The tax decision through the real ``ruta_tax_decision`` hook: a table of scenarios,
each citing the rule it follows (VAT Directive 2006/112/EC unless said otherwise; LIVA =
Ley 37/1992 del IVA; CIVA = Código do IVA). Rates are those in force today unless the
scenario dates the supply (``starts_at``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from engine.plugins.api import PricingLine, Runtime
from plugins.iberia.facts import FACTS_KEY, Exemption, VendorFacts

MADRID, LISBON, FARO = ("ES", "28001"), ("PT", "1100-148"), ("PT", "8000-138")
HUELVA = ("ES", "21700")
PALMAS, TENERIFE, CEUTA, MELILLA = ("ES", "35001"), ("ES", "38001"), ("ES", "51001"), \
    ("ES", "52001")
AZORES, MADEIRA, PORTO_SANTO = ("PT", "9500-150"), ("PT", "9000-098"), ("PT", "9400-160")
PARIS, BERLIN, DUBLIN, NEW_YORK = ("FR", "75001"), ("DE", "10115"), ("IE", "D02"), \
    ("US", "10001")
VALID, UNAVAILABLE = "VALID", "UNAVAILABLE"
OVER = VendorFacts(oss_registered=True, sales={date.today().year: Decimal("10000.01")})
LAST_YEAR_OVER = VendorFacts(sales={date.today().year - 1: Decimal("12000")})
OPT_IN = VendorFacts(oss_registered=True, oss_opt_in=True)
SCHOOL = VendorFacts(exemption=Exemption("Comunidad de Madrid, centro autorizado 28/0123",
                                         date(2020, 1, 1), None))
EXPIRED_SCHOOL = VendorFacts(exemption=Exemption("DGE, entidade formadora 1234",
                                                 date(2018, 1, 1), date(2021, 12, 31)))
RECORDED = {"delivery": "ONLINE_RECORDED"}
LIVE = {"delivery": "ONLINE_LIVE"}
IN_PERSON = {"delivery": "IN_PERSON"}
TODAY_NOON = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class Scenario:
    name: str
    vendor: tuple[str, str]
    buyer: tuple[str, str] | None
    kind: str
    expected: tuple[str, str, str]  # rate, treatment, territory
    cites: str
    tax_class: str = "STANDARD"
    attributes: dict[str, str] = field(default_factory=dict)
    vat: str | None = None
    facts: VendorFacts | None = None
    starts_at: datetime | None = None
    price: str = "10.00"


SCENARIOS = [
    # --- goods -----------------------------------------------------------------------------
    Scenario("goods ES to ES consumer", MADRID, MADRID, "PHYSICAL", ("0.21", "STANDARD", "ES"),
             "art. 32; LIVA art. 68.Uno, 90"),
    Scenario("basic food ES domestic", HUELVA, MADRID, "PHYSICAL", ("0.04", "SUPER_REDUCED", "ES"),
             "LIVA art. 91.Dos.1.1º; RDL 4/2024 (4 % again from 2025)", tax_class="FOOD_BASIC"),
    Scenario("food ES domestic", HUELVA, MADRID, "PHYSICAL", ("0.10", "REDUCED", "ES"),
             "LIVA art. 91.Uno.1.1º", tax_class="FOOD"),
    Scenario("book ES domestic", MADRID, MADRID, "PHYSICAL", ("0.04", "SUPER_REDUCED", "ES"),
             "LIVA art. 91.Dos.1.2º", tax_class="BOOKS"),
    Scenario("book PT domestic", LISBON, FARO, "PHYSICAL", ("0.06", "REDUCED", "PT"),
             "CIVA art. 18.º 1 a), Lista I verba 2.1", tax_class="BOOKS"),
    Scenario("food PT domestic", LISBON, LISBON, "PHYSICAL", ("0.13", "REDUCED", "PT"),
             "CIVA art. 18.º 1 b), Lista II", tax_class="FOOD"),
    Scenario("goods ES to PT consumer below threshold", HUELVA, FARO, "PHYSICAL",
             ("0.21", "STANDARD", "ES"), "art. 33 + art. 59c (origin within €10,000)"),
    Scenario("goods ES to PT consumer above threshold", HUELVA, FARO, "PHYSICAL",
             ("0.23", "STANDARD", "PT"), "art. 33 + art. 59c (destination above €10,000)",
             facts=OVER),
    Scenario("goods ES to PT consumer, last year over", HUELVA, FARO, "PHYSICAL",
             ("0.23", "STANDARD", "PT"), "art. 59c(1)(c): previous calendar year counts",
             facts=LAST_YEAR_OVER),
    Scenario("goods PT to ES consumer opted in", FARO, HUELVA, "PHYSICAL",
             ("0.21", "STANDARD", "ES"), "art. 59c(3): option for destination taxation",
             facts=OPT_IN),
    Scenario("book ES to PT consumer above threshold", HUELVA, LISBON, "PHYSICAL",
             ("0.06", "REDUCED", "PT"), "art. 33; CIVA Lista I verba 2.1", tax_class="BOOKS",
             facts=OVER),
    Scenario("goods ES to Azores consumer above threshold", HUELVA, AZORES, "PHYSICAL",
             ("0.16", "STANDARD", "PT-20"), "art. 33; DLR 15-A/2021/A (Azores 16 %)",
             facts=OVER),
    Scenario("goods ES to Madeira consumer above threshold", MADRID, MADEIRA, "PHYSICAL",
             ("0.22", "STANDARD", "PT-30"), "art. 33; Lei 14-A/2012 (Madeira 22 %)", facts=OVER),
    Scenario("food ES to Porto Santo (Madeira) above threshold", MADRID, PORTO_SANTO,
             "PHYSICAL", ("0.04", "REDUCED", "PT-30"),
             "CTT 9400 = Porto Santo; Madeira taxa reduzida 4 % from 1 Oct 2024",
             tax_class="FOOD_BASIC", facts=OVER),
    Scenario("goods ES to PT business, VIES valid", HUELVA, LISBON, "PHYSICAL",
             ("0", "INTRA_EU_EXEMPT", "PT"), "art. 138; LIVA art. 25", vat=VALID),
    Scenario("goods PT to ES business, VIES unavailable", LISBON, MADRID, "PHYSICAL",
             ("0.23", "STANDARD", "PT"),
             "art. 138(1) needs a valid VAT number; unconfirmed → treated as consumer",
             vat=UNAVAILABLE),
    Scenario("goods ES to Canaries", MADRID, PALMAS, "PHYSICAL",
             ("0", "EXPORT_EXEMPT", "ES-CN"), "art. 6(2)(b), 146; LIVA art. 21"),
    Scenario("goods ES to Tenerife business", MADRID, TENERIFE, "PHYSICAL",
             ("0", "EXPORT_EXEMPT", "ES-CN"), "art. 146; LIVA art. 21", vat=VALID),
    Scenario("goods ES to Ceuta", HUELVA, CEUTA, "PHYSICAL", ("0", "EXPORT_EXEMPT", "ES-CE"),
             "art. 6(1)(b); LIVA art. 21"),
    Scenario("goods PT to Melilla", LISBON, MELILLA, "PHYSICAL",
             ("0", "EXPORT_EXEMPT", "ES-ML"), "art. 6(1)(b), 146; CIVA art. 14.º"),
    Scenario("goods ES to USA", MADRID, NEW_YORK, "PHYSICAL", ("0", "EXPORT_EXEMPT", "NON-EU"),
             "art. 146(1)(a); LIVA art. 21.1º"),
    Scenario("goods PT mainland to Azores consumer (domestic)", LISBON, AZORES, "PHYSICAL",
             ("0.23", "STANDARD", "PT"),
             "art. 32: where dispatch begins (configured: mainland rate for goods sent "
             "from the mainland)"),
    Scenario("vendor in the Canaries", PALMAS, MADRID, "PHYSICAL",
             ("0", "OUTSIDE_SCOPE", "ES-CN"), "art. 6(2)(b): outside the EU VAT area (IGIC)"),
    # --- e-books and recorded courses (electronically supplied services) ----------------------
    Scenario("e-book ES domestic", MADRID, MADRID, "DIGITAL", ("0.04", "SUPER_REDUCED", "ES"),
             "LIVA art. 91.Dos.1.2º (RDL 15/2020)", tax_class="EBOOKS"),
    Scenario("e-book ES domestic in 2019 (before RDL 15/2020)", MADRID, MADRID, "DIGITAL",
             ("0.21", "STANDARD", "ES"), "LIVA art. 90 before 23 Apr 2020", tax_class="EBOOKS",
             starts_at=datetime(2019, 6, 1, tzinfo=UTC)),
    Scenario("e-book ES to FR consumer below threshold", MADRID, PARIS, "DIGITAL",
             ("0.04", "SUPER_REDUCED", "ES"), "art. 59c: origin within €10,000",
             tax_class="EBOOKS"),
    Scenario("e-book ES to FR consumer above threshold", MADRID, PARIS, "DIGITAL",
             ("0.055", "REDUCED", "FR"), "art. 58; TEDB: France e-books 5.5 %",
             tax_class="EBOOKS", facts=OVER),
    Scenario("e-book PT to DE consumer above threshold", LISBON, BERLIN, "DIGITAL",
             ("0.07", "REDUCED", "DE"), "art. 58; TEDB: Germany 7 %", tax_class="EBOOKS",
             facts=OVER),
    Scenario("e-book ES to IE consumer above threshold", MADRID, DUBLIN, "DIGITAL",
             ("0", "ZERO", "IE"), "art. 58; TEDB: Ireland e-books 0 % from 2025",
             tax_class="EBOOKS", facts=OVER),
    Scenario("recorded course ES to PT consumer above threshold", HUELVA, FARO, "COURSE",
             ("0.23", "STANDARD", "PT"), "art. 58; Reg. 282/2011 art. 7 + Annex II",
             attributes=RECORDED, facts=OVER),
    Scenario("recorded course ES to Azores consumer above threshold", MADRID, AZORES,
             "COURSE", ("0.16", "STANDARD", "PT-20"), "art. 58; Azores 16 %",
             attributes=RECORDED, facts=OVER),
    Scenario("recorded course PT to ES business", FARO, MADRID, "COURSE",
             ("0", "REVERSE_CHARGE", "ES"), "art. 44, 196; CIVA art. 6.º 6 a)",
             attributes=RECORDED, vat=VALID),
    Scenario("recorded course ES to Canaries consumer", MADRID, TENERIFE, "COURSE",
             ("0", "OUTSIDE_SCOPE", "ES-CN"), "art. 58 + art. 6(2)(b): IGIC, not VAT",
             attributes=RECORDED),
    Scenario("download ES to US consumer", MADRID, NEW_YORK, "DIGITAL",
             ("0", "OUTSIDE_SCOPE", "NON-EU"), "art. 58: place where the customer lives"),
    Scenario("recorded course by an exempt school", MADRID, MADRID, "COURSE",
             ("0", "EXEMPT", "ES"), "art. 132(1)(i); LIVA art. 20.Uno.9º (vendor evidence)",
             attributes=RECORDED, facts=SCHOOL),
    Scenario("exemption expired", LISBON, LISBON, "COURSE", ("0.23", "STANDARD", "PT"),
             "CIVA art. 9.º 10): evidence valid until 2021 only", attributes=RECORDED,
             facts=EXPIRED_SCHOOL),
    Scenario("exempt school sells an e-book (not education)", MADRID, MADRID, "DIGITAL",
             ("0.04", "SUPER_REDUCED", "ES"), "exemption covers teaching, not goods/e-books",
             tax_class="EBOOKS", facts=SCHOOL),
    # --- advice and mentoring (general services) -------------------------------------------
    Scenario("advice ES to PT consumer", HUELVA, FARO, "SERVICE", ("0.21", "STANDARD", "ES"),
             "art. 45: supplier's establishment"),
    Scenario("advice PT to ES consumer above threshold (threshold irrelevant)", FARO, MADRID,
             "SERVICE", ("0.23", "STANDARD", "PT"), "art. 45; art. 59c covers only TBE/ESS",
             facts=OVER),
    Scenario("advice ES to FR business", MADRID, PARIS, "SERVICE",
             ("0", "REVERSE_CHARGE", "FR"), "art. 44, 196", vat=VALID),
    Scenario("advice PT to PT business", LISBON, FARO, "SERVICE", ("0.23", "STANDARD", "PT"),
             "art. 44: domestic B2B", vat=VALID),
    Scenario("advice ES to US consumer", MADRID, NEW_YORK, "SERVICE",
             ("0", "OUTSIDE_SCOPE", "NON-EU"), "art. 59(c); LIVA art. 69.Uno.2º"),
    Scenario("advice ES to Canary consumer", MADRID, PALMAS, "SERVICE",
             ("0.21", "STANDARD", "ES"),
             "LIVA art. 69.Uno.2º; art. 69.Dos excepts consumers 'en las Islas Canarias, "
             "Ceuta o Melilla'"),
    Scenario("advice ES to Ceuta consumer", HUELVA, CEUTA, "SERVICE",
             ("0.21", "STANDARD", "ES"), "LIVA art. 69.Uno.2º and 69.Dos (salvo Ceuta)"),
    Scenario("mentoring ES to Melilla consumer (other general service)", MADRID, MELILLA,
             "SERVICE", ("0.21", "STANDARD", "ES"),
             "LIVA art. 69.Uno.2º (not listed in 69.Dos: supplier's place anyway)",
             attributes={"service_type": "OTHER"}),
    Scenario("advice PT to Canary consumer", LISBON, TENERIFE, "SERVICE",
             ("0", "OUTSIDE_SCOPE", "ES-CN"),
             "CIVA art. 6.º n.º 9 c): consumer outside the Community (Canaries: art. 6(2)(b))"),
    Scenario("advice ES to Canary business", MADRID, PALMAS, "SERVICE",
             ("0", "OUTSIDE_SCOPE", "ES-CN"), "art. 44; LIVA art. 69.Uno.1º", vat=VALID),
    Scenario("personal training ES to US consumer (not listed in 69.Dos)", MADRID, NEW_YORK,
             "SERVICE", ("0.21", "STANDARD", "ES"),
             "art. 45; LIVA art. 69.Uno.2º: only 69.Dos services leave for non-EU consumers",
             attributes={"service_type": "OTHER"}),
    Scenario("e-book ES to Canary consumer (art. 70.Uno.4º, not 69.Dos)", MADRID, PALMAS,
             "DIGITAL", ("0", "OUTSIDE_SCOPE", "ES-CN"),
             "art. 58; LIVA art. 70.Uno.4º: where the consumer resides (Canaries: IGIC)",
             tax_class="EBOOKS"),
    Scenario("group mentoring live online (unsettled: configured as a general service)",
             HUELVA, FARO, "SERVICE", ("0.21", "STANDARD", "ES"),
             "art. 45 (configured choice: group advice is not admission to an event)",
             attributes=LIVE),
    Scenario("tutoring by an exempt school", MADRID, MADRID, "SERVICE", ("0", "EXEMPT", "ES"),
             "LIVA art. 20.Uno.9º", facts=SCHOOL),
    # --- events -----------------------------------------------------------------------------
    Scenario("concert in Madrid, PT consumer", MADRID, LISBON, "EVENT",
             ("0.10", "REDUCED", "ES"), "art. 54(1); LIVA art. 91.Uno.2.6º",
             tax_class="CULTURAL_EVENT", attributes=IN_PERSON),
    Scenario("tasting in Lisbon sold by a Spanish vendor", HUELVA, MADRID, "EVENT",
             ("0.23", "STANDARD", "PT"), "art. 54(1): where the event takes place",
             attributes={**IN_PERSON, "location_country": "PT",
                         "location_postal_code": "1100-148"}),
    Scenario("show in Ponta Delgada", LISBON, LISBON, "EVENT", ("0.04", "REDUCED", "PT-20"),
             "art. 54(1); CIVA Lista I verba 2.6; Azores 4 %", tax_class="CULTURAL_EVENT",
             attributes={**IN_PERSON, "location_country": "PT",
                         "location_postal_code": "9500-150"}),
    Scenario("workshop in Las Palmas", MADRID, MADRID, "EVENT",
             ("0", "OUTSIDE_SCOPE", "ES-CN"), "art. 53/54 + art. 6(2)(b): IGIC applies",
             attributes={**IN_PERSON, "location_country": "ES",
                         "location_postal_code": "35002"}),
    Scenario("conference in Madrid, FR business", MADRID, PARIS, "EVENT",
             ("0.21", "STANDARD", "ES"), "art. 53: admission, where it takes place",
             attributes=IN_PERSON, vat=VALID),
    Scenario("concert in Madrid in 2016 (general rate then)", MADRID, MADRID, "EVENT",
             ("0.21", "STANDARD", "ES"), "RDL 20/2012; reduced again from Ley 3/2017",
             tax_class="CULTURAL_EVENT", attributes=IN_PERSON,
             starts_at=datetime(2016, 5, 1, tzinfo=UTC)),
    Scenario("live webinar ES to PT consumer in 2024 (unsettled: configured)", HUELVA, FARO,
             "EVENT", ("0.21", "STANDARD", "ES"),
             "art. 54(1) before 2025: unsettled for virtual; configured supplier's place",
             attributes=LIVE, starts_at=datetime(2024, 11, 5, tzinfo=UTC)),
    Scenario("live webinar ES to PT consumer from 2025", HUELVA, FARO, "EVENT",
             ("0.23", "STANDARD", "PT"), "art. 54(2)(b) (Directive 2022/542)",
             attributes=LIVE, starts_at=datetime(2026, 3, 5, tzinfo=UTC)),
    Scenario("live class PT to Madeira consumer from 2025", LISBON, MADEIRA, "COURSE",
             ("0.22", "STANDARD", "PT-30"), "art. 54(2)(b); Madeira 22 %",
             attributes=LIVE, starts_at=datetime(2026, 3, 5, tzinfo=UTC)),
    Scenario("live webinar ES to US consumer from 2025", MADRID, NEW_YORK, "EVENT",
             ("0", "OUTSIDE_SCOPE", "NON-EU"), "art. 54(2)(b): customer outside the EU",
             attributes=LIVE, starts_at=datetime(2026, 3, 5, tzinfo=UTC)),
    Scenario("live webinar PT to DE business", LISBON, BERLIN, "EVENT",
             ("0", "REVERSE_CHARGE", "DE"), "art. 44 (art. 53 excludes virtual from 2025), 196",
             attributes=LIVE, vat=VALID, starts_at=datetime(2026, 3, 5, tzinfo=UTC)),
    # --- rates by date ------------------------------------------------------------------------
    Scenario("basic food ES in 2023 (0 %)", HUELVA, MADRID, "EVENT", ("0", "ZERO", "ES"),
             "RDL 20/2022 art. 72", tax_class="FOOD_BASIC", attributes=IN_PERSON,
             starts_at=datetime(2023, 6, 1, tzinfo=UTC)),
    Scenario("basic food ES in Nov 2024 (2 %)", HUELVA, MADRID, "EVENT",
             ("0.02", "SUPER_REDUCED", "ES"), "RDL 4/2024 art. 1", tax_class="FOOD_BASIC",
             attributes=IN_PERSON, starts_at=datetime(2024, 11, 1, tzinfo=UTC)),
    Scenario("ES standard rate before Sept 2012 (18 %)", MADRID, MADRID, "EVENT",
             ("0.18", "STANDARD", "ES"), "Ley 26/2009; RDL 20/2012 from 1 Sep 2012",
             attributes=IN_PERSON, starts_at=datetime(2012, 8, 31, tzinfo=UTC)),
    Scenario("Azores standard in 2020 (18 %)", LISBON, AZORES, "SERVICE",
             ("0.18", "STANDARD", "PT-20"), "Lei 63-A/2015 (18 % until 30 Jun 2021)",
             attributes={"delivery": "IN_PERSON", "location_country": "PT"}, vat=VALID,
             starts_at=datetime(2020, 6, 1, tzinfo=UTC)),
    # --- shipping follows the goods ------------------------------------------------------------
    Scenario("shipping charge ES to PT consumer above threshold", HUELVA, FARO, "SHIPPING",
             ("0.23", "STANDARD", "PT"), "ancillary to the goods (CJEU C-349/96 CPP)",
             facts=OVER),
    Scenario("buyer location unknown (listing without country)", FARO, None, "PHYSICAL",
             ("0.23", "STANDARD", "PT"), "no evidence of another place: supplier's"),
]


def line_for(s: Scenario) -> PricingLine:
    data = {"iberia_vat": {"vat_id": "XX123", "status": s.vat}} if s.vat else {}
    return PricingLine(
        unit_price=Decimal(s.price), quantity=1, prices_include_tax=False,
        product_kind=s.kind, tax_class=s.tax_class, vendor_id=1, vendor_country=s.vendor[0],
        vendor_postal_code=s.vendor[1], buyer_country=s.buyer[0] if s.buyer else None,
        buyer_postal_code=s.buyer[1] if s.buyer else None,
        buyer_vat_id="XX123" if s.vat else None, product_attributes=s.attributes,
        starts_at=s.starts_at, plugin_data=data,
        vendor_facts={FACTS_KEY: s.facts} if s.facts else {})


def test_the_table_has_at_least_forty_cited_scenarios() -> None:
    assert len(SCENARIOS) >= 40
    assert all(s.cites for s in SCENARIOS)
    assert len({s.name for s in SCENARIOS}) == len(SCENARIOS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(runtime: Runtime, scenario: Scenario) -> None:
    decision: Any = runtime.plugins.hook.ruta_tax_decision(line=line_for(scenario))
    got = (str(decision.rate), decision.treatment, decision.territory)
    assert got == scenario.expected, f"{scenario.name} ({scenario.cites}): {decision}"
    assert decision.legal_note


def test_unconfirmed_vat_number_is_mentioned_on_the_line(runtime: Runtime) -> None:
    unconfirmed = next(s for s in SCENARIOS if s.vat == UNAVAILABLE)
    decision: Any = runtime.plugins.hook.ruta_tax_decision(line=line_for(unconfirmed))
    assert "not confirmed (VIES unavailable)" in decision.legal_note


def test_unsettled_rules_say_so_in_the_note(runtime: Runtime) -> None:
    webinar = next(s for s in SCENARIOS if s.name.startswith("live webinar ES to PT consumer "
                                                             "in 2024"))
    decision: Any = runtime.plugins.hook.ruta_tax_decision(line=line_for(webinar))
    assert "Unsettled law: configured choice" in decision.legal_note


def test_platform_as_deemed_supplier_taxes_e_services_at_destination(
        runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    """RUTA_IBERIA_DEEMED_SUPPLIER=1 (Implementing Regulation 282/2011 art. 9a): the
    platform supplies e-services in its own name, so a small vendor below the threshold no
    longer decides the place; goods and advice are unaffected."""
    ebook = next(s for s in SCENARIOS if s.name == "e-book ES to FR consumer below threshold")
    advice = next(s for s in SCENARIOS if s.name == "advice ES to PT consumer")
    monkeypatch.setenv("RUTA_IBERIA_DEEMED_SUPPLIER", "1")
    decision: Any = runtime.plugins.hook.ruta_tax_decision(line=line_for(ebook))
    assert (str(decision.rate), decision.treatment, decision.territory) == \
        ("0.055", "REDUCED", "FR")
    assert "deemed supplier" in decision.legal_note
    same: Any = runtime.plugins.hook.ruta_tax_decision(line=line_for(advice))
    assert (str(same.rate), same.territory) == advice.expected[::2]
