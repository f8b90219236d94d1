"""The mentoring plugin's demo data (``ruta_demo_seed``): the expertise taxonomy, eight
verified experts in Spain and Portugal with weekly plans and offerings, a paid group
workshop and paid legal slots linked to the core's bookable variants, and a funding request
of the demo founder picked up by the Portuguese funding advisor."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from engine.plugins.api import Runtime, VariantFacts, variant_facts
from plugins.mentoring.enums import ExpertKind, FundingStatus, Milestone, SessionStatus
from plugins.mentoring.models import Expert, Offering, Session, Tag
from plugins.mentoring.relationship_models import (
    FundingAssignment,
    FundingEvent,
    FundingRequest,
)

if TYPE_CHECKING:
    from engine.demo.index import DemoIndex

#: The operator-managed taxonomy: code -> labels.
TAGS: dict[str, dict[str, str]] = {
    "funding": {"ES": "Financiación y ayudas", "PT": "Financiamento e apoios",
                "EN": "Funding and grants"},
    "legal-setup": {"ES": "Alta de la empresa", "PT": "Constituição da empresa",
                    "EN": "Legal set-up"},
    "tax": {"ES": "Fiscalidad", "PT": "Fiscalidade", "EN": "Tax"},
    "accounting": {"ES": "Contabilidad", "PT": "Contabilidade", "EN": "Accounting"},
    "marketing": {"ES": "Marketing", "PT": "Marketing", "EN": "Marketing"},
    "tourism": {"ES": "Turismo", "PT": "Turismo", "EN": "Tourism"},
    "mediation": {"ES": "Mediación", "PT": "Mediação", "EN": "Mediation"},
    "business-plan": {"ES": "Plan de negocio", "PT": "Plano de negócio",
                      "EN": "Business plan"},
    "local-development": {"ES": "Desarrollo local", "PT": "Desenvolvimento local",
                          "EN": "Local development"},
}

MONDAY_TO_THURSDAY = [{"weekday": day, "start": "10:00", "end": "13:00"} for day in range(4)]
AFTERNOONS = [{"weekday": day, "start": "15:00", "end": "18:00"} for day in (1, 3)]


@dataclass(frozen=True)
class ExpertSpec:
    email: str
    kind: ExpertKind
    name: str
    country: str  # ES or PT: legal system and time zone
    tags: list[str]
    languages: list[str]
    bio: dict[str, str]
    background: dict[str, str]
    offering: str
    price: Decimal = Decimal("0.00")
    capacity: int = 5
    vendor: str | None = None
    afternoons: bool = False


ZONES = {"ES": "Europe/Madrid", "PT": "Europe/Lisbon"}

EXPERTS: tuple[ExpertSpec, ...] = (
    ExpertSpec(
        "mentor.es@ruta.example", ExpertKind.MENTOR, "Carmen Ruiz", "ES",
        ["business-plan", "marketing", "tourism"], ["ES", "EN"],
        {"ES": "Mentora de emprendedores rurales en el Condado de Huelva.",
         "PT": "Mentora de empreendedores rurais no Condado de Huelva.",
         "EN": "Mentor of rural founders in the Condado de Huelva."},
        {"ES": "Veinte años llevando una bodega familiar.",
         "PT": "Vinte anos à frente de uma adega familiar.",
         "EN": "Twenty years running a family winery."},
        "Mentoría individual", afternoons=True),
    ExpertSpec(
        "mentor.pt@ruta.example", ExpertKind.MENTOR, "João Martins", "PT",
        ["tourism", "marketing", "business-plan"], ["PT", "ES", "EN"],
        {"ES": "Mentor de pequeños negocios turísticos en el Algarve.",
         "PT": "Mentor de pequenos negócios turísticos no Algarve.",
         "EN": "Mentor of small tourism businesses in the Algarve."},
        {"ES": "Fundó dos alojamientos rurales en Monchique.",
         "PT": "Fundou dois alojamentos rurais em Monchique.",
         "EN": "Founded two rural guesthouses in Monchique."},
        "Mentoria individual", afternoons=True),
    ExpertSpec(
        "legal.es@ruta.example", ExpertKind.LEGAL, "Lucía Fernández", "ES",
        ["legal-setup", "tax"], ["ES", "EN"],
        {"ES": "Abogada: forma jurídica, NIE, licencias y alta de autónomos.",
         "PT": "Advogada: forma jurídica, NIE, licenças e registo de independentes.",
         "EN": "Lawyer: legal form, NIE, licences and self-employment registration."},
        {"ES": "Colegiada en Huelva desde 2009.", "PT": "Inscrita em Huelva desde 2009.",
         "EN": "Member of the Huelva bar since 2009."},
        "Asesoría legal (1 hora)", Decimal("60.00"), capacity=3,
        vendor="bodega-y-dulces-del-condado"),
    ExpertSpec(
        "legal.pt@ruta.example", ExpertKind.LEGAL, "Rita Sousa", "PT",
        ["legal-setup", "tax", "accounting"], ["PT", "ES", "EN"],
        {"ES": "Abogada: constitución de sociedades, NIF y actividad en Portugal.",
         "PT": "Advogada: constituição de sociedades, NIF e início de atividade.",
         "EN": "Lawyer: company formation, NIF and starting a business in Portugal."},
        {"ES": "Ejerce en Faro desde 2012.", "PT": "Exerce em Faro desde 2012.",
         "EN": "Practising in Faro since 2012."},
        "Consultoria jurídica (1 hora)", Decimal("55.00"), capacity=3),
    ExpertSpec(
        "mediator.es@ruta.example", ExpertKind.MEDIATOR, "Antonio Morales", "ES",
        ["mediation", "local-development"], ["ES", "PT"],
        {"ES": "Mediador entre socios, proveedores y administraciones.",
         "PT": "Mediador entre sócios, fornecedores e administrações.",
         "EN": "Mediator between partners, suppliers and public bodies."},
        {"ES": "Mediador acreditado por el Ministerio de Justicia.",
         "PT": "Mediador acreditado pelo Ministério da Justiça espanhol.",
         "EN": "Mediator accredited by the Spanish Ministry of Justice."},
        "Sesión de mediación"),
    ExpertSpec(
        "mediator.pt@ruta.example", ExpertKind.SOCIAL_MEDIATOR, "Ana Costa", "PT",
        ["mediation", "local-development"], ["PT", "ES", "EN"],
        {"ES": "Mediadora social: acompaña a emprendedores migrantes y del interior.",
         "PT": "Mediadora social: acompanha empreendedores migrantes e do interior.",
         "EN": "Social mediator supporting migrant and inland founders."},
        {"ES": "Trabaja con asociaciones de desarrollo local del Algarve.",
         "PT": "Trabalha com associações de desenvolvimento local do Algarve.",
         "EN": "Works with local development associations in the Algarve."},
        "Sessão de mediação social", afternoons=True),
    ExpertSpec(
        "funding.es@ruta.example", ExpertKind.FUNDING, "Javier Ortega", "ES",
        ["funding", "accounting", "business-plan"], ["ES", "EN"],
        {"ES": "Asesor de ayudas LEADER, subvenciones y microcréditos.",
         "PT": "Consultor de apoios LEADER, subsídios e microcrédito.",
         "EN": "Advisor on LEADER grants, subsidies and microcredit."},
        {"ES": "Antiguo técnico de un grupo de desarrollo rural.",
         "PT": "Antigo técnico de um grupo de ação local.",
         "EN": "Former officer of a rural development group."},
        "Asesoría de financiación", Decimal("40.00")),
    ExpertSpec(
        "funding.pt@ruta.example", ExpertKind.FUNDING, "Inês Almeida", "PT",
        ["funding", "tourism", "accounting"], ["PT", "ES", "EN"],
        {"ES": "Consultora de financiación: Portugal 2030, PRR y ayudas al turismo.",
         "PT": "Consultora de financiamento: Portugal 2030, PRR e apoios ao turismo.",
         "EN": "Funding consultant: Portugal 2030, recovery plan and tourism grants."},
        {"ES": "Ha preparado más de cien candidaturas aprobadas.",
         "PT": "Preparou mais de cem candidaturas aprovadas.",
         "EN": "Has prepared over a hundred successful applications."},
        "Consultoria de financiamento", Decimal("40.00"), vendor="sabores-do-algarve"),
)

#: The paid group workshop: the funding advisor's offering, sold as the core variant.
GROUP_EXPERT = "funding.pt@ruta.example"
GROUP_SKU = "GRUPO-1"
GROUP_TITLE = "Oficina em grupo: candidaturas a apoios"
#: Paid one-seat legal slots, sold as the core variants of ``asesoria-legal-emprendedores``.
LEGAL_EXPERT = "legal.es@ruta.example"
LEGAL_SKUS = ("LEGAL-1", "LEGAL-2", "LEGAL-3")
#: The demo founder's funding request, picked up by the Portuguese funding advisor.
FOUNDER = "customer@ruta.example"
FUNDING_ADVISOR = "funding.pt@ruta.example"


def _expert(spec: ExpertSpec, demo: DemoIndex) -> Expert:
    return Expert(
        user_id=demo.users[spec.email],
        vendor_id=demo.vendors[spec.vendor] if spec.vendor else None,
        kind=spec.kind.value, display_name=spec.name, bio=dict(spec.bio),
        background=dict(spec.background), tags=sorted(spec.tags),
        languages=list(spec.languages), legal_systems=[spec.country],
        time_zone=ZONES[spec.country], capacity=spec.capacity, active_mentees=0,
        verified=True, rating_sum=0, rating_count=0,
        weekly_plan=MONDAY_TO_THURSDAY + (AFTERNOONS if spec.afternoons else []),
        exceptions=[], buffer_minutes=15, min_notice_minutes=120)


async def _slot(session: AsyncSession, sku: str, demo: DemoIndex) -> VariantFacts:
    facts = await variant_facts(session, demo.variants[sku])
    if facts is None or facts.starts_at is None or facts.ends_at is None or not facts.capacity:
        raise ValueError(f"The demo variant {sku} is not a bookable slot.")
    return facts


def _linked_session(offering: Offering, facts: VariantFacts) -> Session:
    """A dated session matching a core bookable variant (start, end, seats), linked to it
    so that checkout sells the seats and ``ruta_order_paid`` books the buyer."""
    assert facts.starts_at is not None and facts.ends_at is not None
    return Session(offering_id=offering.id, expert_id=offering.expert_id,
                   starts_at=facts.starts_at, ends_at=facts.ends_at, seats=facts.capacity or 1,
                   seats_taken=facts.seats_taken, status=SessionStatus.SCHEDULED,
                   variant_id=facts.id)


async def seed(runtime: Runtime, demo: DemoIndex) -> None:
    async with runtime.transaction() as session:
        session.add_all(Tag(code=code, labels=labels) for code, labels in TAGS.items())
        experts = {spec.email: _expert(spec, demo) for spec in EXPERTS}
        session.add_all(experts.values())
        await session.flush()
        offerings = {spec.email: Offering(
            expert_id=experts[spec.email].id, title=spec.offering, is_group=False, seats=1,
            duration_minutes=60, price=spec.price, is_online=True, free_cancel_hours=24,
            cancel_fee_percent=50 if spec.price else 0) for spec in EXPERTS}
        workshop = await _slot(session, GROUP_SKU, demo)
        assert workshop.starts_at is not None and workshop.ends_at is not None
        group = Offering(
            expert_id=experts[GROUP_EXPERT].id, title=GROUP_TITLE, is_group=True,
            seats=workshop.capacity or 1,
            duration_minutes=int((workshop.ends_at - workshop.starts_at).total_seconds() // 60),
            price=workshop.price, is_online=True, free_cancel_hours=48, cancel_fee_percent=100)
        session.add_all([*offerings.values(), group])
        await session.flush()
        session.add(_linked_session(group, workshop))
        for sku in LEGAL_SKUS:
            session.add(_linked_session(offerings[LEGAL_EXPERT], await _slot(session, sku, demo)))
        await _funding_request(session, demo, experts[FUNDING_ADVISOR])


async def _funding_request(session: AsyncSession, demo: DemoIndex, advisor: Expert) -> None:
    requester = demo.users[FOUNDER]
    found = FundingRequest(requester_id=requester, project="Alojamento rural em Monchique",
                           amount_sought=Decimal("25000.00"), stage=Milestone.FUNDING,
                           documents=["plano-de-negocio.pdf", "orcamento-obras.xlsx"],
                           status=FundingStatus.IN_REVIEW)
    session.add(found)
    await session.flush()
    session.add_all([
        FundingEvent(request_id=found.id, status=FundingStatus.OPEN, actor_id=requester,
                     note=""),
        FundingAssignment(request_id=found.id, expert_id=advisor.id),
        FundingEvent(request_id=found.id, status=FundingStatus.IN_REVIEW,
                     actor_id=advisor.user_id, note="picked up"),
    ])
