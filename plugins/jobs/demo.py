"""Demo data: a skills taxonomy (codes shared with the expert tags where they overlap:
``marketing``, ``tourism``, ``accounting``), three offers from the demo vendors (Huelva,
Faro, remote), two candidate profiles (one made by a social mediator with the person's
consent), applications in several statuses and one hire."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from engine.plugins.api import Runtime, record_event, utcnow, vendor_facts
from plugins.jobs.application_models import Application, ApplicationChange, Hire
from plugins.jobs.models import CandidateProfile, JobOffer, ProfileGrant, Skill
from plugins.jobs.texts import fold

if TYPE_CHECKING:
    from engine.demo.index import DemoIndex

SKILLS = {"cooking": ("Cocina", "Cozinha", "Cooking"),
          "customer-service": ("Atención al cliente", "Atendimento", "Customer service"),
          "sales": ("Ventas", "Vendas", "Sales"), "tourism": ("Turismo", "Turismo", "Tourism"),
          "marketing": ("Marketing", "Marketing", "Marketing"),
          "accounting": ("Contabilidad", "Contabilidade", "Accounting")}
SELF_MADE = "customer@ruta.example"
ASSISTED, MEDIATOR = "vendor.pending@ruta.example", "mediator.es@ruta.example"


def _offer(vendor_id: int, title: dict[str, str], country: str, postal: str | None,
           skills: list[str], languages: list[str], salary: tuple[int, int], days: int,
           contract: str) -> JobOffer:
    description = {code: f"{text}. Incorporación inmediata." if code == "ES" else text
                   for code, text in title.items()}
    return JobOffer(
        vendor_id=vendor_id, title=title, description=description,
        search_key=fold(" ".join([*title.values(), *description.values()])),
        filter_key="|" + "".join([f"lang:{c}|" for c in languages]
                                 + [f"skill:{s}|" for s in skills]),
        country=country, postal_code=postal, remote=postal is None, contract_type=contract,
        hours_per_week=40 if contract != "FREELANCE" else 20,
        salary_min_cents=salary[0] * 100, salary_max_cents=salary[1] * 100,
        languages=languages, skills=skills, closes_on=(utcnow() + timedelta(days=days)).date(),
        positions=1, status="PUBLISHED", published_at=utcnow())


async def seed(runtime: Runtime, demo: DemoIndex) -> None:
    async with runtime.transaction() as session:
        session.add_all(Skill(code=code, labels={"ES": es, "PT": pt, "EN": en})
                        for code, (es, pt, en) in SKILLS.items())
        by_country: dict[str, int] = {}
        for vendor_id in demo.vendors.values():
            facts = await vendor_facts(session, vendor_id)
            if facts is not None and facts.status == "APPROVED":
                by_country.setdefault(facts.country, facts.id)
        spain, portugal = by_country["ES"], by_country["PT"]
        huelva = _offer(spain, {"ES": "Ayudante de cocina en Bollullos",
                                "EN": "Kitchen assistant in Bollullos"}, "ES", "21710",
                        ["cooking"], ["ES"], (16800, 18200), 45, "SEASONAL")
        faro = _offer(portugal, {"PT": "Atendimento ao cliente na loja de Faro",
                                 "EN": "Shop assistant in Faro"}, "PT", "8000-138",
                      ["customer-service", "sales"], ["PT", "EN"], (11400, 13000), 30,
                      "FIXED_TERM")
        remote = _offer(spain, {"ES": "Marketing digital en remoto",
                                "EN": "Remote digital marketing"}, "ES", None,
                        ["marketing"], ["ES", "EN"], (20000, 24000), 60, "FREELANCE")
        session.add_all([huelva, faro, remote])
        own = CandidateProfile(
            user_id=demo.users[SELF_MADE], display_name="Amina", skills=["cooking", "sales"],
            languages=[{"code": "ES", "level": "B2"}, {"code": "AR", "level": "NATIVE"},
                       {"code": "FR", "level": "C1"}],
            experience="Tres años de ayudante de cocina.", postal_code="21700",
            work_permit="YES", availability="IMMEDIATE")
        helped = CandidateProfile(
            user_id=demo.users[ASSISTED], display_name="Ioana",
            skills=["customer-service", "sales"],
            languages=[{"code": "PT", "level": "B1"}, {"code": "RO", "level": "NATIVE"},
                       {"code": "EN", "level": "B2"}],
            experience="Dependienta en Bucarest.", postal_code="8005-001",
            work_permit="IN_PROGRESS", availability="WITHIN_MONTH",
            created_by_user_id=demo.users[MEDIATOR])
        session.add_all([own, helped, ProfileGrant(user_id=demo.users[ASSISTED],
                                                   staff_user_id=demo.users[MEDIATOR])])
        await session.flush()
        plan = [(huelva, own, ["RECEIVED", "SHORTLISTED", "INTERVIEW"]),
                (remote, own, ["RECEIVED"]),
                (faro, helped, ["RECEIVED", "SHORTLISTED", "OFFERED", "HIRED"])]
        for offer, profile, steps in plan:
            app = Application(offer_id=offer.id, profile_id=profile.id,
                              vendor_id=offer.vendor_id, message="Hola, me interesa.",
                              language="ES", status=steps[-1])
            session.add(app)
            await session.flush()
            for before, after in zip([None, *steps], steps, strict=False):
                session.add(ApplicationChange(application_id=app.id, from_status=before,
                                              to_status=after, message=""))
            if steps[-1] == "HIRED":
                session.add(Hire(application_id=app.id, offer_id=offer.id,
                                 vendor_id=offer.vendor_id, candidate_user_id=profile.user_id))
                offer.status = "FILLED"
                await record_event(session, runtime.plugins, "ruta_job_hired",
                                   employer_vendor_id=offer.vendor_id,
                                   candidate_user_id=profile.user_id, application_id=app.id)
